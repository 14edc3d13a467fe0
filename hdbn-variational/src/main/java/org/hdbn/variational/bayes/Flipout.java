package org.hdbn.variational.bayes;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.prob.Normal;
import org.hdbn.tensor.Tensor;

/**
 * Flipout (Wen et al. 2018, "Flipout: Efficient Pseudo-Independent Weight Perturbations on
 * Mini-Batches"): one shared perturbation {@code dW = sigma * eps}, decorrelated across rows by
 * random sign vectors {@code s_n} (inputs) and {@code r_n} (outputs):
 * {@code y_n = x_n mu_W + ((x_n . s_n) dW) . r_n + b_n}. Row n sees the weight
 * {@code mu_W + dW . (s_n r_n^T)}, whose noise is again standard normal, so each row's marginal is
 * that of plain reparameterisation while pairs of rows are uncorrelated. The biases get
 * independent noise per row (exact for an additive term). The signs are constants of the pass.
 */
public final class Flipout implements Estimator {

    @Override
    public Var linear(Graph g, Var x, GaussianWeights w, UniformRandomProvider rng) {
        int rows = x.rows();
        int in = x.cols();
        int out = w.weightMean().shape()[1];
        Var perturbation = g.mul(w.weightScale(), g.constant(Normal.standardNormal(w.weightMean().shape(), rng)));
        Var inSigns = g.constant(signs(rows, in, rng));
        Var outSigns = g.constant(signs(rows, out, rng));
        Var mean = g.matmul(x, w.weightMean());
        Var flipped = g.mul(g.matmul(g.mul(x, inSigns), perturbation), outSigns);
        Var bias = g.add(w.biasMean(), g.mul(w.biasScale(), g.constant(Normal.standardNormal(new int[] {rows, out}, rng))));
        return g.add(g.add(mean, flipped), bias);
    }

    /** A {@code [rows, cols]} matrix of independent uniform random signs. */
    static Tensor signs(int rows, int cols, UniformRandomProvider rng) {
        Tensor t = Tensor.zeros(rows, cols);
        double[] d = t.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = rng.nextBoolean() ? 1.0 : -1.0;
        }
        return t;
    }
}
