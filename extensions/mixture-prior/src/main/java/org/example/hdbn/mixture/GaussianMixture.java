package org.example.hdbn.mixture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.prob.Distribution;
import org.hdbn.prob.Normal;
import org.hdbn.tensor.Tensor;

/**
 * A mixture of K diagonal Gaussians, the same for every row of a batch:
 * {@code p(z) = sum_k pi_k N(z; m_k, diag(s_k^2))}. Its log density is a log-sum-exp over the
 * components, differentiable in the weights, means and scales; it has no closed-form entropy and
 * no closed-form KL from a Gaussian, so {@link MixtureKl} registers an upper bound on that KL.
 */
public final class GaussianMixture extends Distribution {

    private final Var logWeights;
    private final List<Var> means;
    private final List<Var> scales;
    private final int[] shape;

    /**
     * @param logWeights  {@code [K]} log mixture weights (they must be normalised: a log-softmax)
     * @param means       K vectors {@code [dim]}
     * @param scales      K vectors {@code [dim]}, positive
     * @param shape       {@code [rows, dim]}: the batch this prior is used for
     */
    public GaussianMixture(Var logWeights, List<Var> means, List<Var> scales, int[] shape) {
        int k = logWeights.shape()[logWeights.shape().length - 1];
        if (means.size() != k || scales.size() != k) {
            throw new IllegalArgumentException("a mixture of " + k + " components needs " + k + " means and scales, got "
                    + means.size() + " and " + scales.size());
        }
        this.logWeights = logWeights;
        this.means = List.copyOf(means);
        this.scales = List.copyOf(scales);
        this.shape = shape.clone();
    }

    public int components() {
        return means.size();
    }

    /** Component {@code k} as a Gaussian of this mixture's shape. */
    public Normal component(Graph g, int k) {
        Var zeros = g.constant(Tensor.zeros(shape));
        return new Normal(g.add(zeros, means.get(k)), g.add(zeros, scales.get(k)));
    }

    /** The log weights as a {@code [1, K]} row, to broadcast against {@code [rows, K]}. */
    public Var logWeightRow(Graph g) {
        return g.reshape(logWeights, 1, components());
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Draws a component per row from the weights, then reparameterises within it: the draw is
     * differentiable in the means and scales but not in the weights (the choice is discrete).
     */
    @Override
    protected Var doRsample(Graph g, UniformRandomProvider rng) {
        double[] w = g.softmax(logWeightRow(g)).value().data();
        int rows = shape[0];
        int[] chosen = new int[rows];
        for (int r = 0; r < rows; r++) {
            double u = rng.nextDouble();
            int k = 0;
            while (k < w.length - 1 && (u -= w[k]) > 0) {
                k++;
            }
            chosen[r] = k;
        }
        Var meanTable = g.concatRows(rowsOf(g, means));
        Var scaleTable = g.concatRows(rowsOf(g, scales));
        Tensor eps = Normal.standardNormal(shape, rng);
        return g.add(g.gather(meanTable, chosen), g.mul(g.constant(eps), g.gather(scaleTable, chosen)));
    }

    /** {@code log sum_k exp(log pi_k + log N_k(x))}, one value per row. */
    @Override
    protected Var doLogProb(Graph g, Var x) {
        List<Var> columns = new ArrayList<>();
        for (int k = 0; k < components(); k++) {
            columns.add(g.reshape(component(g, k).logProb(g, x), shape[0], 1));
        }
        return logSumExpRows(g, g.add(g.concat(columns.toArray(Var[]::new)), logWeightRow(g)));
    }

    @Override
    protected Var doEntropy(Graph g) {
        throw new UnsupportedOperationException("a Gaussian mixture has no closed-form entropy; estimate it from "
                + "samples (-mean of logProb of rsample)");
    }

    /**
     * {@code log sum_j exp(a_j)} of each row of {@code a} ({@code [rows, K]}), as {@code [rows]}.
     * Written as {@code a_0 - logSoftmax(a)_0}, which is exact and takes the row maximum out inside
     * the engine's log-softmax, so it neither overflows nor needs a max op.
     */
    static Var logSumExpRows(Graph g, Var a) {
        int rows = a.shape()[0];
        return g.reshape(g.sub(g.columns(a, 0, 1), g.columns(g.logSoftmax(a), 0, 1)), rows);
    }

    private static Var[] rowsOf(Graph g, List<Var> vectors) {
        Var[] out = new Var[vectors.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = g.reshape(vectors.get(k), 1, Arrays.stream(vectors.get(k).shape()).reduce(1, (a, b) -> a * b));
        }
        return out;
    }
}
