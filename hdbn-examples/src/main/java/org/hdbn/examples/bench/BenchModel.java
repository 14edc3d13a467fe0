package org.hdbn.examples.bench;

import java.util.List;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.tape.TapeEngine;
import org.hdbn.data.SeenItems;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.model.DataBinding;
import org.hdbn.examples.model.ModelSpec;
import org.hdbn.examples.model.StageSpec;
import org.hdbn.examples.model.TrainedModel;
import org.hdbn.examples.model.TrainingSpec;
import org.hdbn.gate.Gate;
import org.hdbn.graph.ModelGraph;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.optim.Optimizer;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.MatrixProducts;
import org.hdbn.tensor.ProductCensus;
import org.hdbn.train.DataParallel;
import org.hdbn.train.PairwiseBatches;
import org.hdbn.train.Trainer;

/**
 * A model set up for timing as {@code hdbn train} sets it up (gate fitted on the genre histograms,
 * graph built, the spec's optimizer and schedule, BPR batches), exposing the pieces a benchmark times
 * one by one. It trains the last stage's loss nodes and freezes nothing.
 */
final class BenchModel {

    final ModelSpec spec;
    final EmoMusicDataset data;
    final Gate gate;
    final ParameterStore store = new ParameterStore();
    final ModelGraph graph;
    final Trainer trainer;
    final PairwiseBatches batches;
    final List<String> losses;
    final int shards;
    private final long seed;
    private final DataBinding binding;
    private final int[] groups;

    BenchModel(ModelSpec spec, EmoMusicDataset data, AutodiffEngine engine, long seed, int threads, int shards) {
        this.spec = spec;
        this.data = data;
        this.seed = seed;
        this.shards = shards;
        this.binding = new DataBinding(data);
        this.gate = spec.gate() == null ? null : spec.gate().fitter(binding.context(new ParameterStore(), seed, null),
                RandomStreams.derive(seed, "gate")).fit(binding.userFeatures().rows());
        this.graph = ModelGraph.build(spec.graph(), binding.context(store, seed, gate), KlRegistry.withInstalled());
        TrainingSpec t = spec.training();
        if (gate != null) {
            groups = new int[gate.numEntities()];
            for (int u = 0; u < groups.length; u++) {
                groups[u] = gate.group(u);
            }
        } else {
            groups = null;
        }
        this.batches = new PairwiseBatches(data.train(), SeenItems.of(data.train()), data.numSongs(), t.batchSize(),
                t.negatives(), DataBinding.COLUMNS, t.groupBatches() ? groups : null);
        this.trainer = trainer(graph, store, engine, threads);
        StageSpec last = t.stages().get(t.stages().size() - 1);
        this.losses = last.losses();
    }

    /** A trainer as {@code hdbn train} makes it, for the given graph, parameters and engine. */
    private Trainer trainer(ModelGraph g, ParameterStore params, AutodiffEngine e, int threads) {
        TrainingSpec t = spec.training();
        Optimizer optimizer = t.optimizerSpec().build(LearningRateSchedule.staircaseExponential(t.learningRate(),
                t.decayRate(), t.decaySteps()));
        double clip = t.clipNorm() == null || t.clipNorm() <= 0 ? Double.POSITIVE_INFINITY : t.clipNorm();
        return new Trainer(g, params, e, optimizer, clip, t.objective(),
                new DataParallel(shards, threads, groups == null ? batches.slicer() : batches.slicer(groups)));
    }

    /**
     * The matrix products of one training step on the first batch, by shape, as the trainer runs
     * them (cut into shards): the step runs on a copy of the model (same seed, its own parameters)
     * whose products pass through a census. Its FLOPs are those of every step of a full batch.
     */
    ProductCensus census(MatrixProducts.Choice products) {
        ProductCensus census = new ProductCensus(products);
        ParameterStore copy = new ParameterStore();
        ModelGraph g = ModelGraph.build(spec.graph(), binding.context(copy, seed, gate), KlRegistry.withDefaults());
        var rng = RandomStreams.create(seed, "bench:census");
        trainer(g, copy, new TapeEngine(census::create), 1).step(batches.epoch(rng).next(), losses, rng);
        return census;
    }

    /** One epoch of training; returns its seconds. */
    double trainEpoch(long seed, int epoch) {
        var rng = RandomStreams.create(seed, "epoch", epoch);
        long t0 = System.nanoTime();
        trainer.run(batches.epoch(rng), losses, rng, r -> { });
        return (System.nanoTime() - t0) / 1e9;
    }

    TrainedModel snapshot() {
        return new TrainedModel(spec, graph, store, gate, null);
    }
}
