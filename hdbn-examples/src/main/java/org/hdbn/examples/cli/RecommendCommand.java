package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.TopKRanker;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLayout;
import org.hdbn.examples.model.DataBinding;
import org.hdbn.examples.model.ModelEvaluator;
import org.hdbn.examples.model.TrainedModel;
import org.hdbn.graph.Batch;
import org.hdbn.graph.SpecMapper;
import org.hdbn.nn.ForwardMode;
import org.hdbn.random.RandomStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn recommend}: the top songs for one user in one emotional state. */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend songs for a user and an emotion tag, with the predicted mood preference and its "
                + "Monte Carlo uncertainty. Songs the user played in training are not recommended.")
final class RecommendCommand implements Callable<Integer> {

    /** The node whose output is the predicted mood preference, shown when the model has it. */
    static final String MOOD_NODE = "mood_preference";

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model folder.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "Data set folder (default: the one the model was trained on).")
    Path data;

    @Option(names = "--user", paramLabel = "U", required = true, description = "User index.")
    int user;

    @Option(names = "--emotion", paramLabel = "TAG", required = true, description = "Emotion tag: its name (e.g. happy) or index.")
    String emotion;

    @Option(names = {"-k", "--top"}, paramLabel = "K", defaultValue = "10", description = "How many songs (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--samples", paramLabel = "S", defaultValue = "50",
            description = "Monte Carlo samples for the mood preference's uncertainty (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "tape", description = "Autodiff engine (default: ${DEFAULT-VALUE}).")
    String engine;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        if (k <= 0 || samples <= 0) {
            throw new IllegalArgumentException("-k and --samples must be positive");
        }
        SpecMapper mapper = new SpecMapper();
        ModelOptions.Opened opened = ModelOptions.open(model, data, mapper);
        EmoMusicDataset ds = opened.data();
        TrainedModel m = opened.model();
        if (user < 0 || user >= ds.numUsers()) {
            throw new IllegalArgumentException("unknown user " + user + "; users are 0.." + (ds.numUsers() - 1));
        }
        int tag = EmotionTags.resolve(ds.emotionTags(), emotion);
        var engineImpl = Engines.byName(engine);
        Interactions query = new Interactions(new int[] {user}, new int[] {0}, new int[] {tag});
        double[] scores = new double[ds.numSongs()];
        new ModelEvaluator(engineImpl, 0, m.info().seed()).scorer(m, ds, query).score(0, 1, scores);
        int[] seen = SeenItems.of(ds.train()).itemsOf(user);
        int listLength = Math.min(k, ds.numSongs() - seen.length);
        // the ranker needs a target to report the rank of: any candidate will do, it does not change the list
        int anyCandidate = 0;
        while (java.util.Arrays.binarySearch(seen, anyCandidate) >= 0) {
            anyCandidate++;
        }
        int[] top = new TopKRanker(ds.numSongs(), listLength).rank(scores, 0, anyCandidate, seen, 0).top();
        out.printf("top %d songs for user %d feeling '%s' (%d songs played in training left out):%n", top.length, user,
                ds.emotionTags().get(tag), seen.length);
        for (int i = 0; i < top.length; i++) {
            int s = top[i];
            String what = ds.songInfo(s).map(info -> info.artist() + " - " + info.title()).orElse("song " + s);
            out.printf(Locale.ROOT, "%3d. %-60s score %8.4f  song %d%n", i + 1, what, scores[s], s);
        }
        if (m.graph().nodeNames().contains(MOOD_NODE)) {
            printMood(out, m, engineImpl, tag);
        }
        return 0;
    }

    private void printMood(PrintWriter out, TrainedModel m, org.hdbn.autodiff.AutodiffEngine engineImpl, int tag) {
        var cols = DataBinding.COLUMNS;
        Batch batch = Batch.ofIndices(Map.of(cols.user(), new int[] {user}, cols.context(), new int[] {tag}));
        var rng = RandomStreams.create(m.info().seed(), "recommend");
        int d = -1;
        double[] sum = null;
        double[] sumSq = null;
        for (int s = 0; s < samples; s++) {
            try (Graph g = engineImpl.openInference()) {
                double[] v = m.graph().forward(g, batch, ForwardMode.sampling(rng), List.of(MOOD_NODE))
                        .value(MOOD_NODE).value().data();
                if (sum == null) {
                    d = v.length;
                    sum = new double[d];
                    sumSq = new double[d];
                }
                for (int j = 0; j < d; j++) {
                    sum[j] += v[j];
                    sumSq[j] += v[j] * v[j];
                }
            }
        }
        out.printf("predicted mood preference (mean +- sd over %d samples):%n", samples);
        List<String> names = d == EmoMusicLayout.MOOD_NAMES.size() ? EmoMusicLayout.MOOD_NAMES : null;
        for (int j = 0; j < d; j++) {
            double mean = sum[j] / samples;
            double sd = Math.sqrt(Math.max(0, sumSq[j] / samples - mean * mean));
            out.printf(Locale.ROOT, "  %-18s %.3f +- %.3f%n", names == null ? "mood " + j : names.get(j), mean, sd);
        }
    }
}
