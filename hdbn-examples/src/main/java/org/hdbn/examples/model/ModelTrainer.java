package org.hdbn.examples.model;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.gate.Gate;
import org.hdbn.graph.ModelGraph;
import org.hdbn.optim.Adam;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.random.RandomStreams;
import org.hdbn.train.PairwiseBatches;
import org.hdbn.train.Trainer;

/**
 * Trains a {@link ModelSpec} on an EmoMusicLJ data set: fits the gate on the users' genre
 * histograms, builds the graph, and runs the spec's stages of BPR training with negatives
 * resampled every epoch. Mutable configuration in, immutable {@link TrainedModel} out.
 */
public final class ModelTrainer {

    /**
     * @param seed        every random draw of the run derives from it
     * @param engine      the autodiff engine
     * @param progress    where progress lines go (null: silent)
     * @param validation  evaluated after every {@code evalEvery} epochs (null: never)
     * @param evalEvery   epochs between validation runs (0: never)
     */
    public record Options(long seed, AutodiffEngine engine, PrintStream progress, Interactions validation, int evalEvery) {
    }

    public TrainedModel train(ModelSpec spec, EmoMusicDataset data, Options options) {
        long t0 = System.nanoTime();
        DataBinding binding = new DataBinding(data);
        Gate gate = null;
        if (spec.gate() != null) {
            var features = binding.userFeatures();
            gate = spec.gate().fitter(binding.context(new ParameterStore(), options.seed(), null),
                    RandomStreams.derive(options.seed(), "gate")).fit(features.rows());
            log(options, "gate %s: %d groups, sizes %s", spec.gate(), gate.numGroups(), summarize(gate.groupSizes()));
        }
        ParameterStore store = new ParameterStore();
        ModelGraph graph = ModelGraph.build(spec.graph(), binding.context(store, options.seed(), gate),
                KlRegistry.withDefaults());
        log(options, "model '%s': %d parameter arrays, %d values", spec.name(), store.size(), store.valueCount());

        TrainingSpec t = spec.training();
        Adam adam = new Adam(LearningRateSchedule.staircaseExponential(t.learningRate(), t.decayRate(), t.decaySteps()));
        double clip = t.clipNorm() == null || t.clipNorm() <= 0 ? Double.POSITIVE_INFINITY : t.clipNorm();
        Trainer trainer = new Trainer(graph, store, options.engine(), adam, clip, t.lossWeighting());
        int[] groups = t.groupBatches() && gate != null ? groupsOf(gate) : null;
        PairwiseBatches batches = new PairwiseBatches(data.train(), SeenItems.of(data.train()), data.numSongs(),
                t.batchSize(), t.negatives(), DataBinding.COLUMNS, groups);
        ProgressReporter progress = new ProgressReporter(options.progress(), t.totalEpochs());
        int epochCounter = 0;
        List<Double> epochLosses = new ArrayList<>();
        for (StageSpec stage : t.stages()) {
            freeze(store, stage);
            for (int epoch = 1; epoch <= stage.epochs(); epoch++) {
                epochCounter++;
                UniformRandomProvider rng = RandomStreams.create(options.seed(), "epoch", epochCounter);
                progress.startEpoch();
                int perEpoch = batches.batchesPerEpoch();
                int e = epoch;
                trainer.run(batches.epoch(rng), stage.losses(), rng, r -> progress.step(r, perEpoch, stage.name(), e));
                String extra = null;
                if (options.validation() != null && options.evalEvery() > 0 && epochCounter % options.evalEvery() == 0) {
                    TrainedModel snapshot = new TrainedModel(spec, graph, store, gate, null);
                    EvaluationResult r = new ModelEvaluator(options.engine(), 0, options.seed())
                            .evaluate(snapshot, data, options.validation());
                    extra = String.format(Locale.ROOT, "validation strict HR@10 %.4f NDCG@10 %.4f",
                            r.metrics(Protocol.STRICT).mean("HR@10"), r.metrics(Protocol.STRICT).mean("NDCG@10"));
                }
                epochLosses.add(progress.endEpoch(stage.name(), epoch, stage.epochs(), extra));
            }
        }
        store.all().forEach(p -> p.setTrainable(true));
        double seconds = (System.nanoTime() - t0) / 1e9;
        ModelInfo info = new ModelInfo(ModelInfo.FORMAT, ModelInfo.FORMAT_VERSION, Versions.hdbn(),
                System.getProperty("java.version"), options.engine().name(), options.seed(),
                data.directory().getFileName().toString(),
                data.directory().toAbsolutePath().toString(), data.fingerprint(), binding.dims(), epochCounter,
                adam.steps(), seconds, gate != null, epochLosses);
        return new TrainedModel(spec, graph, store, gate, info);
    }

    private static void freeze(ParameterStore store, StageSpec stage) {
        for (Parameter p : store.all()) {
            p.setTrainable(stage.freeze().stream().noneMatch(prefix -> p.name().startsWith(prefix)));
        }
    }

    private static int[] groupsOf(Gate gate) {
        int[] g = new int[gate.numEntities()];
        for (int u = 0; u < g.length; u++) {
            g[u] = gate.group(u);
        }
        return g;
    }

    private static String summarize(int[] sizes) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int s : sizes) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        return sizes.length <= 12 ? java.util.Arrays.toString(sizes) : "from " + min + " to " + max;
    }

    private static void log(Options o, String fmt, Object... args) {
        if (o.progress() != null) {
            o.progress().println(String.format(Locale.ROOT, fmt, args));
        }
    }

}
