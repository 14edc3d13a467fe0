package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.TopKRanker;
import org.hdbn.examples.data.EmoMusicLayout;
import org.hdbn.graph.SpecMapper;
import org.hdbn.random.RandomStreams;
import org.hdbn.run.ModelEvaluator;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.Towers;
import org.hdbn.run.TrainedModel;
import org.hdbn.run.data.Dataset;
import org.hdbn.variational.predict.McPrediction;
import org.hdbn.variational.predict.McPredictor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hdbn recommend}: the top songs for one user in one emotional state, or side by side for
 * several. The predicted mood preference shown is every node the query tower needs whose output
 * rows are probability distributions ({@link org.hdbn.graph.ModelGraph#distributionNodes}), found
 * by that role rather than by a node name.
 */
@Command(name = "recommend", mixinStandardHelpOptions = true,
        description = "Recommend songs for a user and an emotion tag (or compare several tags side by side), with the "
                + "predicted mood preference. Songs the user played in training are left out unless --all-songs.")
final class RecommendCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model folder.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "Data set folder (default: the one the model was trained on).")
    Path data;

    @Option(names = "--user", paramLabel = "USER", required = true,
            description = "User: their id in the data set, or their index.")
    String userGiven;

    /** The user's index, resolved from --user. */
    private int user;

    @Option(names = "--emotion", paramLabel = "TAG", description = "Emotion tag: its name (e.g. happy) or index.")
    String emotion;

    @Option(names = "--compare-emotions", paramLabel = "TAG,...", split = ",",
            description = "Show the lists and mood preferences of several tags side by side, each list's overlap with "
                    + "the first's.")
    List<String> compare;

    @Option(names = {"-k", "--top"}, paramLabel = "K", defaultValue = "10", description = "How many songs (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--all-songs", description = "Rank all songs, the user's training songs included (the full protocol).")
    boolean allSongs;

    @Option(names = "--samples", paramLabel = "S", defaultValue = "50",
            description = "Monte Carlo samples: the scores and the mood preference are averaged over S sampled passes "
                    + "and the preference's standard deviation shown; 0 uses the posterior means, as in evaluate "
                    + "(default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "tape", description = "Autodiff engine (default: ${DEFAULT-VALUE}).")
    String engine;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    /** One tag's list and mood preferences. */
    private record TagView(int tag, int[] top, double[] scores, List<Mood> moods) {
    }

    /** A categorical node's mean (and standard deviation over samples, zero at the means) for one tag. */
    private record Mood(String node, double[] mean, double[] sd) {
    }

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        if (k <= 0) {
            throw new IllegalArgumentException("-k must be positive, got " + k);
        }
        if (samples < 0) {
            throw new IllegalArgumentException("--samples must be 0 (posterior means) or positive, got " + samples);
        }
        if ((emotion == null) == (compare == null)) {
            throw new IllegalArgumentException("give either --emotion TAG or --compare-emotions TAG,TAG,...");
        }
        SpecMapper mapper = new SpecMapper();
        ModelOptions.Opened opened = ModelOptions.open(model, data, mapper);
        Dataset ds = opened.data();
        user = ds.users().resolve(userGiven, "user");
        List<Integer> tags = new ArrayList<>();
        for (String t : compare == null ? List.of(emotion) : compare) {
            tags.add(EmotionTags.resolve(ds.contexts(), t));
        }
        AutodiffEngine engineImpl = Engines.byName(engine);
        int[] seen = allSongs ? new int[0] : SeenItems.of(ds.train()).itemsOf(user);
        List<TagView> views = new ArrayList<>();
        for (int tag : tags) {
            views.add(view(opened.model(), ds, engineImpl, tag, seen));
        }
        String how = samples == 0 ? "posterior means" : "mean over " + samples + " Monte Carlo samples";
        if (views.size() == 1) {
            printOne(out, ds, views.get(0), seen.length, how);
        } else {
            printSideBySide(out, ds, views, seen.length, how);
        }
        return 0;
    }

    private TagView view(TrainedModel m, Dataset ds, AutodiffEngine engineImpl, int tag, int[] seen) {
        Interactions query = new Interactions(new int[] {user}, new int[] {0}, new int[] {tag});
        double[] scores = new double[ds.items().size()];
        new ModelEvaluator(engineImpl, samples, m.info().seed()).scorer(m, ds, query).score(0, 1, scores);
        int listLength = Math.min(k, ds.items().size() - seen.length);
        if (listLength <= 0) {
            throw new IllegalArgumentException("user " + user + " played every song in training; use --all-songs");
        }
        // the ranker needs a target to report the rank of: any candidate will do, it does not change the list
        int anyCandidate = 0;
        while (java.util.Arrays.binarySearch(seen, anyCandidate) >= 0) {
            anyCandidate++;
        }
        int[] top = new TopKRanker(ds.items().size(), listLength).rank(scores, 0, anyCandidate, seen, 0).top();
        List<Mood> moods = new ArrayList<>();
        for (String node : m.graph().distributionNodes(List.of(ModelSpec.QUERY))) {
            moods.add(mood(m, engineImpl, node, tag));
        }
        return new TagView(tag, top, scores, moods);
    }

    private Mood mood(TrainedModel m, AutodiffEngine engineImpl, String node, int tag) {
        Interactions query = new Interactions(new int[] {user}, new int[] {0}, new int[] {tag});
        if (samples == 0) {
            double[] mean = Towers.compute(m.graph(), engineImpl, node, 1, 1, from -> ModelEvaluator.queryBatch(query,
                    0, 1), 0, null).data();
            return new Mood(node, mean, new double[mean.length]);
        }
        McPrediction p = new McPredictor(engineImpl, samples).predict(m.graph(), ModelEvaluator.queryBatch(query, 0, 1),
                node, RandomStreams.create(m.info().seed(), "recommend"));
        double[] sd = p.variance().data().clone();
        for (int j = 0; j < sd.length; j++) {
            sd[j] = Math.sqrt(sd[j]);
        }
        return new Mood(node, p.mean().data(), sd);
    }

    private void printOne(PrintWriter out, Dataset ds, TagView v, int left, String how) {
        out.printf("top %d songs for user %s feeling '%s' (%s)%s:%n", v.top().length, ds.users().id(user), ds.contexts().ids().get(v.tag()),
                how, allSongs ? "" : ", " + left + " songs played in training left out");
        for (int i = 0; i < v.top().length; i++) {
            int s = v.top()[i];
            out.printf(Locale.ROOT, "%3d. %-60s score %8.4f  song %d%n", i + 1, title(ds, s), v.scores()[s], s);
        }
        for (Mood mood : v.moods()) {
            out.printf("predicted %s (%s%s):%n", mood.node(), how, samples == 0 ? "" : ", +- standard deviation");
            List<String> names = moodNames(mood.mean().length);
            for (int j = 0; j < mood.mean().length; j++) {
                out.printf(Locale.ROOT, samples == 0 ? "  %-18s %.3f%n" : "  %-18s %.3f +- %.3f%n", names.get(j),
                        mood.mean()[j], mood.sd()[j]);
            }
        }
    }

    private void printSideBySide(PrintWriter out, Dataset ds, List<TagView> views, int left, String how) {
        int width = 34;
        out.printf("top %d songs for user %s by emotion (%s)%s:%n", k, ds.users().id(user), how,
                allSongs ? "" : ", " + left + " songs played in training left out");
        StringBuilder head = new StringBuilder("    ");
        for (TagView v : views) {
            head.append(String.format(Locale.ROOT, " %-" + width + "s", ds.contexts().ids().get(v.tag())));
        }
        out.println(head.toString().stripTrailing());
        int rows = views.stream().mapToInt(v -> v.top().length).max().orElse(0);
        for (int i = 0; i < rows; i++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%3d.", i + 1));
            for (TagView v : views) {
                String cell = i < v.top().length ? truncate(v.top()[i] + " " + title(ds, v.top()[i]), width) : "";
                line.append(String.format(Locale.ROOT, " %-" + width + "s", cell));
            }
            out.println(line.toString().stripTrailing());
        }
        StringBuilder overlap = new StringBuilder("overlap with '" + ds.contexts().ids().get(views.get(0).tag()) + "':");
        for (TagView v : views.subList(1, views.size())) {
            overlap.append(String.format(Locale.ROOT, " %s %d/%d", ds.contexts().ids().get(v.tag()),
                    common(views.get(0).top(), v.top()), views.get(0).top().length));
        }
        out.println(overlap);
        for (int m = 0; m < views.get(0).moods().size(); m++) {
            out.printf("predicted %s (%s):%n", views.get(0).moods().get(m).node(), how);
            List<String> names = moodNames(views.get(0).moods().get(m).mean().length);
            StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "  %-18s", ""));
            for (TagView v : views) {
                h.append(String.format(Locale.ROOT, " %12s", truncate(ds.contexts().ids().get(v.tag()), 12)));
            }
            out.println(h);
            for (int j = 0; j < names.size(); j++) {
                StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-18s", names.get(j)));
                for (TagView v : views) {
                    row.append(String.format(Locale.ROOT, " %12.4f", v.moods().get(m).mean()[j]));
                }
                out.println(row);
            }
        }
    }

    private static int common(int[] a, int[] b) {
        int n = 0;
        for (int x : a) {
            for (int y : b) {
                n += x == y ? 1 : 0;
            }
        }
        return n;
    }

    private static String title(Dataset ds, int song) {
        String label = ds.items().label(song);
        return label.equals(Integer.toString(song)) ? "song " + song : label;
    }

    private static String truncate(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 1) + "…";
    }

    /** The song mood names when the prediction has their width, else "column j". */
    private static List<String> moodNames(int width) {
        if (width == EmoMusicLayout.MOOD_NAMES.size()) {
            return EmoMusicLayout.MOOD_NAMES;
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < width; j++) {
            names.add("column " + j);
        }
        return names;
    }
}
