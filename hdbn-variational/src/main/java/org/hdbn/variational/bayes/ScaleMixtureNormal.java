package org.hdbn.variational.bayes;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.prob.Distribution;
import org.hdbn.prob.Normal;
import org.hdbn.tensor.Tensor;

/**
 * Independent entries, each {@code pi N(0, sigma1^2) + (1 - pi) N(0, sigma2^2)} (Blundell et al.
 * 2015), with fixed (non-trainable) mixing weight and scales. Its density is exact and
 * differentiable in the point; its samples are not reparameterised (the component choice is
 * discrete), and it has no closed-form entropy.
 */
public final class ScaleMixtureNormal extends Distribution {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final int[] shape;
    private final double pi;
    private final double sigma1;
    private final double sigma2;

    public ScaleMixtureNormal(int[] shape, double pi, double sigma1, double sigma2) {
        if (!(pi > 0 && pi < 1) || !(sigma1 > 0) || !(sigma2 > 0)) {
            throw new IllegalArgumentException("a scale mixture needs 0 < pi < 1 and positive scales, got pi " + pi
                    + ", sigma1 " + sigma1 + ", sigma2 " + sigma2);
        }
        this.shape = shape.clone();
        this.pi = pi;
        this.sigma1 = sigma1;
        this.sigma2 = sigma2;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** Draws each entry's component, then the entry: a constant, since the parameters are fixed. */
    @Override
    protected Var doRsample(Graph g, UniformRandomProvider rng) {
        Tensor eps = Normal.standardNormal(shape, rng);
        double[] d = eps.data();
        for (int k = 0; k < d.length; k++) {
            d[k] *= rng.nextDouble() < pi ? sigma1 : sigma2;
        }
        return g.constant(eps);
    }

    /**
     * Per entry {@code log(pi N1 + (1-pi) N2) = a + softplus(b - a)} with {@code a = log pi + log N1},
     * {@code b = log(1-pi) + log N2}: a log-sum-exp that cannot overflow (softplus is stable).
     */
    @Override
    protected Var doLogProb(Graph g, Var x) {
        Var x2 = g.square(x);
        Var a = g.addScalar(g.scale(x2, -0.5 / (sigma1 * sigma1)), Math.log(pi) - Math.log(sigma1) - HALF_LOG_2PI);
        Var b = g.addScalar(g.scale(x2, -0.5 / (sigma2 * sigma2)), Math.log1p(-pi) - Math.log(sigma2) - HALF_LOG_2PI);
        return sumLastAxis(g, g.add(a, g.softplus(g.sub(b, a))));
    }

    @Override
    protected Var doEntropy(Graph g) {
        throw new UnsupportedOperationException("a scale mixture of Gaussians has no closed-form entropy;"
                + " estimate it from samples with logProb");
    }

    public double pi() {
        return pi;
    }

    public double sigma1() {
        return sigma1;
    }

    public double sigma2() {
        return sigma2;
    }
}
