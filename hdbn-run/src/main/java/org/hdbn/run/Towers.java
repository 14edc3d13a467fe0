package org.hdbn.run;

import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.concurrent.ThreadTaskRunner;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.tensor.Tensor;
import org.hdbn.variational.predict.McPredictor;

/**
 * Computes one node's output for many rows in blocks, with inference scopes: the query or
 * candidate tower of a model for every evaluation query or every item, or a score term. With
 * {@code samples = 0} stochastic blocks use their means (one pass); with {@code samples > 0} the
 * output is the Monte Carlo mean of that many sampled passes by {@link McPredictor} — the one Monte
 * Carlo path of evaluation and recommendation — each block's passes drawing from {@code rng} in
 * order.
 */
public final class Towers {

    private Towers() {
    }

    /**
     * @param batchOf  the batch for rows {@code [from, from + size)}, given {@code from}; its size is
     *                 {@code min(blockSize, rows - from)}
     */
    public static Tensor compute(ModelGraph model, AutodiffEngine engine, String node, int rows, int blockSize,
            IntFunction<Batch> batchOf, int samples, UniformRandomProvider rng) {
        return compute(model, engine, node, rows, blockSize, batchOf, samples, rng, 1);
    }

    /**
     * {@link #compute(ModelGraph, AutodiffEngine, String, int, int, IntFunction, int, UniformRandomProvider)}
     * with the blocks on up to {@code threads} threads where that gives the same output: with the
     * means ({@code samples = 0}; sampled passes draw from one stream in block order), on an engine
     * that runs passes over one model at once (one that {@linkplain AutodiffEngine#routesGradients()
     * routes gradients}, as the data-parallel trainer's concurrent passes need). Each block is the
     * same pass whichever thread runs it, so the output does not depend on the threads.
     *
     * @param batchOf  called from several threads at once when the blocks run in parallel
     */
    public static Tensor compute(ModelGraph model, AutodiffEngine engine, String node, int rows, int blockSize,
            IntFunction<Batch> batchOf, int samples, UniformRandomProvider rng, int threads) {
        int blocks = rows <= 0 ? 0 : (rows - 1) / blockSize + 1;
        if (samples != 0 || threads < 2 || blocks < 2 || !engine.routesGradients()) {
            return sequential(model, engine, node, rows, blockSize, batchOf, samples, rng);
        }
        Tensor[] out = new Tensor[blocks];
        new ThreadTaskRunner(Math.min(threads, blocks)).run(blocks,
                b -> out[b] = means(model, engine, batchOf.apply(b * blockSize), node));
        int width = out[0].cols();
        double[] all = new double[Math.multiplyExact(rows, width)];
        for (int b = 0; b < blocks; b++) {
            System.arraycopy(out[b].data(), 0, all, b * blockSize * width, out[b].size());
        }
        return Tensor.of(all, rows, width);
    }

    private static Tensor sequential(ModelGraph model, AutodiffEngine engine, String node, int rows, int blockSize,
            IntFunction<Batch> batchOf, int samples, UniformRandomProvider rng) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be 0 (means) or positive, got " + samples);
        }
        McPredictor predictor = samples == 0 ? null : new McPredictor(engine, samples);
        double[] out = null;
        int width = -1;
        for (int from = 0; from < rows; from += blockSize) {
            Batch batch = batchOf.apply(from);
            Tensor block = predictor == null ? means(model, engine, batch, node)
                    : predictor.predict(model, batch, node, rng).mean();
            if (out == null) {
                width = block.cols();
                out = new double[Math.multiplyExact(rows, width)];
            }
            System.arraycopy(block.data(), 0, out, from * width, block.size());
        }
        if (out == null) {
            throw new IllegalArgumentException("no rows to compute '" + node + "' for");
        }
        return Tensor.of(out, rows, width);
    }

    /** One pass with stochastic blocks at their means (copied out: the graph's arrays may be reused once it closes). */
    static Tensor means(ModelGraph model, AutodiffEngine engine, Batch batch, String node) {
        try (Graph g = engine.openInference()) {
            Tensor v = model.forward(g, batch, ForwardMode.means(), List.of(node)).value(node).value();
            return Tensor.of(v.data().clone(), v.shape());
        }
    }
}
