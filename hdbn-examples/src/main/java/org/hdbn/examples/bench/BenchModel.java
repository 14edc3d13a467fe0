package org.hdbn.examples.bench;

import java.util.Iterator;
import java.util.List;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.tape.TapeEngine;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ModelGraph;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.run.ModelAssembly;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.StageSpec;
import org.hdbn.run.TrainedModel;
import org.hdbn.tensor.MatrixProducts;
import org.hdbn.tensor.ProductCensus;
import org.hdbn.train.Trainer;

/**
 * A model set up for timing exactly as {@code hdbn train} sets it up ({@link ModelAssembly}: gate
 * fitted, graph built, the spec's optimizer, batches and negative sampler), exposing the pieces a
 * benchmark times one by one. It trains the last stage's loss nodes and freezes nothing.
 */
final class BenchModel {

    final ModelSpec spec;
    final EmoMusicDataset data;
    final List<String> losses;
    final int shards;
    private final ModelAssembly assembly;
    private final Trainer trainer;
    private final AutodiffEngine engine;
    private final long seed;

    BenchModel(ModelSpec spec, EmoMusicDataset data, AutodiffEngine engine, long seed, int threads) {
        this.spec = spec;
        this.data = data;
        this.seed = seed;
        this.engine = engine;
        this.shards = spec.training().shardCount();
        this.assembly = ModelAssembly.fit(spec, data, seed);
        this.trainer = assembly.trainer(assembly.optimizer(), engine, threads);
        List<StageSpec> stages = spec.training().stages();
        this.losses = spec.trainingTargets(stages.get(stages.size() - 1));
    }

    /**
     * The matrix products of one training step on the first batch, by shape, as the trainer runs
     * them (cut into shards): the step runs on a copy of the nodes training computes (same seed, its own parameters)
     * whose products pass through a census. Its FLOPs are those of every step of a full batch.
     */
    ProductCensus census(MatrixProducts.Choice products) {
        ProductCensus census = new ProductCensus(products);
        var rng = RandomStreams.create(seed, "bench:census");
        trainerThrough(census, 1).step(assembly.batches().epoch(rng).next(), losses, rng);
        return census;
    }

    /**
     * A trainer of a fresh copy of the nodes training computes (its own parameters), its products
     * through the census: on the bench's engine, or on the double tape where the engine's products
     * cannot be passed through one ({@link AutodiffEngine#withProducts}).
     */
    private Trainer trainerThrough(ProductCensus census, int threads) {
        return trainerThrough(measured(census), threads);
    }

    private Trainer trainerThrough(AutodiffEngine measured, int threads) {
        ParameterStore copy = new ParameterStore();
        ModelGraph g = assembly.buildTrainingCopy(copy);
        return assembly.trainer(g, copy, assembly.optimizer(), measured, threads);
    }

    private AutodiffEngine measured(ProductCensus census) {
        return engine.withProducts(census::create).orElseGet(() -> new TapeEngine(census::create));
    }

    /**
     * What {@link #timeProducts} measured: the engine that ran the steps, the steps run, their wall
     * seconds, and their products' FLOPs and seconds.
     */
    record ProductTime(String engine, int steps, double stepSeconds, long flops, double productSeconds) {
    }

    /**
     * Runs up to {@code steps} training steps on a copy of the nodes training computes (as
     * {@link #census}) with {@code threads} threads, each matrix product timed: how long a step's
     * products take inside the step, against the whole step. One step before them warms up (first
     * use of buffers and optimizer slots) and is not counted.
     */
    ProductTime timeProducts(MatrixProducts.Choice products, int steps, int threads) {
        ProductCensus census = new ProductCensus(products);
        var rng = RandomStreams.create(seed, "bench:products");
        AutodiffEngine measured = measured(census);
        Trainer timed = trainerThrough(measured, threads);
        Iterator<Batch> batches = assembly.batches().epoch(rng);
        timed.step(batches.next(), losses, rng);
        long flops0 = census.flops();
        double seconds0 = census.seconds();
        int run = 0;
        long t0 = System.nanoTime();
        for (; run < steps && batches.hasNext(); run++) {
            timed.step(batches.next(), losses, rng);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return new ProductTime(measured.name(), run, wall, census.flops() - flops0, census.seconds() - seconds0);
    }

    /** One epoch of training; returns its seconds. */
    double trainEpoch(long seed, int epoch) {
        var rng = RandomStreams.create(seed, "epoch", epoch);
        long t0 = System.nanoTime();
        trainer.run(assembly.batches().epoch(rng), losses, rng, r -> { });
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Every parameter's values now, in the store's order (the double copy of a float-stored one). */
    List<double[]> parameterValues() {
        return assembly.store().all().stream().map(p -> p.value().data().clone()).toList();
    }

    TrainedModel snapshot() {
        return assembly.snapshot();
    }
}
