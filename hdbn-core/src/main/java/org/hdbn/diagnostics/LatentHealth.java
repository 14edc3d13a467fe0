package org.hdbn.diagnostics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.LatentPair;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.prob.Normal;
import org.hdbn.tensor.Tensor;

/**
 * The health of a model's latent variables and categorical predictions over a set of queries,
 * computed at the posterior means (no sampling):
 * <ul>
 *   <li>for every {@link org.hdbn.graph.LatentNode} the targets need: the mean over queries of
 *       {@code KL(q(z | x) || p(z))} per dimension (closed form for a Gaussian posterior and prior;
 *       a dimension near 0 carries no information about x, as when a posterior collapses onto its
 *       prior), and the active units of Burda et al. ("Importance Weighted Autoencoders", ICLR
 *       2016): dimension u is active when {@code Cov_x(E_q[z_u | x]) > 0.01}, the variance over
 *       the queries of the posterior mean;</li>
 *   <li>for every node whose rows are probability distributions
 *       ({@link org.hdbn.graph.Node#outputsDistribution()}): the mean entropy of a row (nats), the
 *       entropy of the mean row, and the largest possible entropy {@code ln K}. A mean entropy near
 *       0 means a saturated softmax; a mean row entropy far above the mean entropy means the
 *       predictions differ across queries.</li>
 * </ul>
 */
public final class LatentHealth {

    /** Burda et al.'s threshold on the variance of a posterior mean. */
    public static final double ACTIVE_THRESHOLD = 0.01;

    /**
     * One latent node.
     *
     * @param node            its name
     * @param klPerDimension  mean over queries of the KL per dimension, or null when the posterior or
     *                        prior is not Gaussian (no closed form per dimension)
     * @param meanVariance    per dimension, the variance over queries of the posterior mean
     * @param activeUnits     dimensions whose {@code meanVariance} exceeds {@value #ACTIVE_THRESHOLD}
     */
    public record Latent(String node, double[] klPerDimension, double[] meanVariance, int activeUnits) {

        /** The mean KL summed over dimensions, or NaN when it is not known per dimension. */
        public double kl() {
            if (klPerDimension == null) {
                return Double.NaN;
            }
            double s = 0;
            for (double v : klPerDimension) {
                s += v;
            }
            return s;
        }

        public int size() {
            return meanVariance.length;
        }
    }

    /**
     * One node whose rows are probability distributions.
     *
     * @param node            its name
     * @param meanEntropy     mean over queries of the row's entropy, nats
     * @param entropyOfMean   entropy of the mean row, nats
     * @param maxEntropy      {@code ln K} for K columns
     * @param mean            the mean row
     */
    public record Categorical(String node, double meanEntropy, double entropyOfMean, double maxEntropy, double[] mean) {
    }

    /** Everything measured. */
    public record Report(int queries, List<Latent> latents, List<Categorical> categoricals) {

        public Report {
            latents = List.copyOf(latents);
            categoricals = List.copyOf(categoricals);
        }
    }

    private LatentHealth() {
    }

    /**
     * Measures the latents and categorical nodes that {@code targets} need over {@code rows}
     * queries, in blocks.
     *
     * @param batchOf the batch of rows {@code [from, min(rows, from + blockSize))}, given {@code from}
     */
    public static Report measure(ModelGraph model, AutodiffEngine engine, Collection<String> targets, int rows,
            int blockSize, IntFunction<Batch> batchOf) {
        if (rows < 1) {
            throw new IllegalArgumentException("latent health needs at least one query, got " + rows);
        }
        List<String> categorical = model.distributionNodes(targets);
        Map<String, Moments> latents = new LinkedHashMap<>();
        Map<String, Moments> cats = new LinkedHashMap<>();
        for (int from = 0; from < rows; from += blockSize) {
            Batch batch = batchOf.apply(from);
            try (Graph g = engine.openInference()) {
                for (Map.Entry<String, LatentPair> e : model.latents(g, batch, ForwardMode.means(), targets).entrySet()) {
                    latents.computeIfAbsent(e.getKey(), k -> new Moments()).addLatent(e.getValue());
                }
            }
            if (!categorical.isEmpty()) {
                try (Graph g = engine.openInference()) {
                    var result = model.forward(g, batch, ForwardMode.means(), categorical);
                    for (String node : categorical) {
                        cats.computeIfAbsent(node, k -> new Moments()).addCategorical(result.value(node).value());
                    }
                }
            }
        }
        List<Latent> ls = new ArrayList<>();
        latents.forEach((name, m) -> ls.add(m.latent(name)));
        List<Categorical> cs = new ArrayList<>();
        cats.forEach((name, m) -> cs.add(m.categorical(name)));
        return new Report(rows, ls, cs);
    }

    /** The entropy of one distribution, nats; zero probabilities contribute nothing. */
    public static double entropy(double[] p, int offset, int k) {
        double h = 0;
        for (int j = 0; j < k; j++) {
            double v = p[offset + j];
            h -= v > 0 ? v * Math.log(v) : 0;
        }
        return h;
    }

    /** Running sums over query rows. */
    private static final class Moments {
        private long n;
        private double[] sum;
        private double[] sumSq;
        private double[] klSum;
        private boolean gaussian = true;
        private double entropySum;

        void addLatent(LatentPair pair) {
            if (!(pair.posterior() instanceof Normal q)) {
                throw new IllegalArgumentException("latent health reads Gaussian posteriors, got "
                        + pair.posterior().getClass().getSimpleName());
            }
            Tensor mu = q.mean().value();
            Tensor sq = q.scale().value();
            int rows = mu.rows();
            int d = mu.cols();
            init(d);
            double[] m = mu.data();
            for (int i = 0; i < m.length; i++) {
                sum[i % d] += m[i];
                sumSq[i % d] += m[i] * m[i];
            }
            if (pair.prior() instanceof Normal p && gaussian) {
                double[] pm = broadcast(p.mean().value(), rows, d);
                double[] ps = broadcast(p.scale().value(), rows, d);
                double[] s = broadcast(sq, rows, d);
                for (int i = 0; i < m.length; i++) {
                    // KL(N(m, s^2) || N(pm, ps^2)) for one coordinate
                    double ratio = s[i] / ps[i];
                    double diff = (m[i] - pm[i]) / ps[i];
                    klSum[i % d] += -Math.log(ratio) + 0.5 * (ratio * ratio + diff * diff) - 0.5;
                }
            } else {
                gaussian = false;
            }
            n += rows;
        }

        void addCategorical(Tensor p) {
            int k = p.cols();
            init(k);
            double[] d = p.data();
            for (int r = 0; r < p.rows(); r++) {
                entropySum += entropy(d, r * k, k);
                for (int j = 0; j < k; j++) {
                    sum[j] += d[r * k + j];
                }
            }
            n += p.rows();
        }

        private void init(int d) {
            if (sum == null) {
                sum = new double[d];
                sumSq = new double[d];
                klSum = new double[d];
            }
        }

        Latent latent(String name) {
            int d = sum.length;
            double[] var = new double[d];
            double[] kl = gaussian ? new double[d] : null;
            int active = 0;
            for (int j = 0; j < d; j++) {
                double mean = sum[j] / n;
                var[j] = Math.max(0, sumSq[j] / n - mean * mean);
                active += var[j] > ACTIVE_THRESHOLD ? 1 : 0;
                if (kl != null) {
                    kl[j] = klSum[j] / n;
                }
            }
            return new Latent(name, kl, var, active);
        }

        Categorical categorical(String name) {
            int k = sum.length;
            double[] mean = new double[k];
            for (int j = 0; j < k; j++) {
                mean[j] = sum[j] / n;
            }
            return new Categorical(name, entropySum / n, entropy(mean, 0, k), Math.log(k), mean);
        }
    }

    /** A {@code [rows, d]} or broadcastable ({@code [1, d]}, {@code [d]}, scalar) tensor as {@code rows * d} values. */
    private static double[] broadcast(Tensor t, int rows, int d) {
        double[] v = t.data();
        if (v.length == rows * d) {
            return v;
        }
        double[] out = new double[rows * d];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.length == d ? v[i % d] : v[0];
        }
        return out;
    }
}
