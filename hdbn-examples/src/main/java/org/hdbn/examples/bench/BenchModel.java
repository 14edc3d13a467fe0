package org.hdbn.examples.bench;

import java.util.List;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.data.SeenItems;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.model.DataBinding;
import org.hdbn.examples.model.ModelSpec;
import org.hdbn.examples.model.StageSpec;
import org.hdbn.examples.model.TrainedModel;
import org.hdbn.examples.model.TrainingSpec;
import org.hdbn.gate.Gate;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.optim.Adam;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.random.RandomStreams;
import org.hdbn.train.DataParallel;
import org.hdbn.train.PairwiseBatches;
import org.hdbn.train.Trainer;

/**
 * A model set up for timing as {@code hdbn train} sets it up (gate fitted on the genre histograms,
 * graph built, Adam with the spec's schedule, BPR batches), exposing the pieces a benchmark times
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
    private final AutodiffEngine engine;

    BenchModel(ModelSpec spec, EmoMusicDataset data, AutodiffEngine engine, long seed, int threads) {
        this.spec = spec;
        this.data = data;
        this.engine = engine;
        DataBinding binding = new DataBinding(data);
        this.gate = spec.gate() == null ? null : spec.gate().fitter(binding.context(new ParameterStore(), seed, null),
                RandomStreams.derive(seed, "gate")).fit(binding.userFeatures().rows());
        this.graph = ModelGraph.build(spec.graph(), binding.context(store, seed, gate), KlRegistry.withInstalled());
        TrainingSpec t = spec.training();
        Adam adam = new Adam(LearningRateSchedule.staircaseExponential(t.learningRate(), t.decayRate(), t.decaySteps()));
        double clip = t.clipNorm() == null || t.clipNorm() <= 0 ? Double.POSITIVE_INFINITY : t.clipNorm();
        int[] groups = null;
        if (gate != null) {
            groups = new int[gate.numEntities()];
            for (int u = 0; u < groups.length; u++) {
                groups[u] = gate.group(u);
            }
        }
        this.batches = new PairwiseBatches(data.train(), SeenItems.of(data.train()), data.numSongs(), t.batchSize(),
                t.negatives(), DataBinding.COLUMNS, t.groupBatches() ? groups : null);
        this.trainer = new Trainer(graph, store, engine, adam, clip, t.lossWeighting(),
                DataParallel.of(threads, groups == null ? batches.slicer() : batches.slicer(groups)));
        StageSpec last = t.stages().get(t.stages().size() - 1);
        this.losses = last.losses();
    }

    /** The matrix-product FLOPs of one forward and backward pass over a full batch (-1: not counted). */
    long flopsPerBatch(long seed) {
        var rng = RandomStreams.create(seed, "bench:flops");
        Batch batch = batches.epoch(rng).next();
        long flops;
        // the model's FLOPs do not depend on the engine; the tape counts them, other engines may not
        try (Graph g = org.hdbn.autodiff.Engines.byName(org.hdbn.autodiff.Engines.DEFAULT).open()) {
            ForwardResult r = graph.forward(g, batch, ForwardMode.train(rng), losses);
            Var loss = r.totalLoss(g);
            g.backward(loss);
            flops = g.matmulFlops();
        }
        store.zeroGrads();
        return flops;
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
