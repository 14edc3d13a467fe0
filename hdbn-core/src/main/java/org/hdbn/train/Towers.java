package org.hdbn.train;

import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.tensor.Tensor;

/**
 * Computes one node's output for many rows in blocks, with inference scopes: the query or
 * candidate tower of a model for every evaluation query or every item. With {@code samples > 0}
 * the output is the Monte Carlo average of that many stochastic passes; with 0 stochastic blocks
 * use their means.
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
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be 0 (means) or positive, got " + samples);
        }
        double[] out = null;
        int width = -1;
        for (int from = 0; from < rows; from += blockSize) {
            Batch batch = batchOf.apply(from);
            double[] block = null;
            int passes = Math.max(1, samples);
            for (int s = 0; s < passes; s++) {
                ForwardMode mode = samples == 0 ? ForwardMode.means() : ForwardMode.sampling(rng);
                try (Graph g = engine.openInference()) {
                    Tensor v = model.forward(g, batch, mode, List.of(node)).value(node).value();
                    if (out == null) {
                        width = v.cols();
                        out = new double[Math.multiplyExact(rows, width)];
                    }
                    if (block == null) {
                        block = new double[v.size()];
                    }
                    double[] d = v.data();
                    for (int k = 0; k < d.length; k++) {
                        block[k] += d[k] / passes;
                    }
                }
            }
            System.arraycopy(block, 0, out, from * width, block.length);
        }
        if (out == null) {
            throw new IllegalArgumentException("no rows to compute '" + node + "' for");
        }
        return Tensor.of(out, rows, width);
    }
}
