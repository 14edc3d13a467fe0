package org.hdbn.variational.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.Block;
import org.hdbn.nn.ForwardMode;
import org.hdbn.tensor.Tensor;

/**
 * Monte Carlo prediction (Gal and Ghahramani 2016; Blundell et al. 2015): S inference passes in
 * sampling mode, each with fresh draws from one seeded stream, summarised per output entry as
 * mean, variance and quantiles. The passes consume the stream in order, so S = 1 reproduces
 * exactly a single stochastic pass given an identically seeded stream.
 */
public final class McPredictor {

    private final AutodiffEngine engine;
    private final int samples;
    private final double[] levels;

    /**
     * @param samples  passes S, at least 1
     * @param levels   quantile levels in [0, 1] (e.g. 0.05, 0.5, 0.95); may be empty
     */
    public McPredictor(AutodiffEngine engine, int samples, double... levels) {
        if (samples <= 0) {
            throw new IllegalArgumentException("Monte Carlo prediction needs at least one pass, got " + samples);
        }
        for (double p : levels) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("a quantile level must be in [0, 1], got " + p);
            }
        }
        this.engine = engine;
        this.samples = samples;
        this.levels = levels.clone();
    }

    /** Runs the pass S times in sampling mode, drawing from {@code rng}. */
    public McPrediction predict(StochasticPass pass, UniformRandomProvider rng) {
        ForwardMode mode = ForwardMode.sampling(rng);
        int[] shape = null;
        double[][] draws = new double[samples][];
        for (int s = 0; s < samples; s++) {
            try (Graph g = engine.openInference()) {
                Tensor out = pass.run(g, mode).value();
                if (shape == null) {
                    shape = out.shape();
                } else if (!Arrays.equals(shape, out.shape())) {
                    throw new IllegalStateException("pass " + s + " gave shape " + Arrays.toString(out.shape())
                            + ", pass 0 gave " + Arrays.toString(shape));
                }
                draws[s] = out.data().clone();
            }
        }
        return summarise(shape, draws);
    }

    /** Monte Carlo prediction of a block on an input batch. */
    public McPrediction predict(Block block, Tensor input, UniformRandomProvider rng) {
        return predict((g, mode) -> block.forward(g, g.constant(input), mode), rng);
    }

    /** Monte Carlo prediction of one node of a model graph on a batch. */
    public McPrediction predict(ModelGraph model, Batch batch, String node, UniformRandomProvider rng) {
        return predict((g, mode) -> model.forward(g, batch, mode, List.of(node)).value(node), rng);
    }

    private McPrediction summarise(int[] shape, double[][] draws) {
        int n = draws[0].length;
        double[] mean = new double[n];
        double[] variance = new double[n];
        List<double[]> qs = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            qs.add(new double[n]);
        }
        double[] column = new double[samples];
        for (int k = 0; k < n; k++) {
            double sum = 0;
            for (int s = 0; s < samples; s++) {
                column[s] = draws[s][k];
                sum += column[s];
            }
            double m = sum / samples;
            double ss = 0;
            for (int s = 0; s < samples; s++) {
                ss += (column[s] - m) * (column[s] - m);
            }
            mean[k] = m;
            variance[k] = ss / samples;
            if (levels.length > 0) {
                Arrays.sort(column);
                for (int i = 0; i < levels.length; i++) {
                    qs.get(i)[k] = quantile(column, levels[i]);
                }
            }
        }
        List<Tensor> quantiles = new ArrayList<>();
        for (double[] q : qs) {
            quantiles.add(Tensor.of(q, shape));
        }
        return new McPrediction(samples, Tensor.of(mean, shape), Tensor.of(variance, shape), levels, quantiles);
    }

    /** The linearly interpolated quantile of sorted values (Hyndman and Fan 1996, type 7). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
