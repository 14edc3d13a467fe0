package org.hdbn.prob;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.tensor.Tensor;

/**
 * A diagonal Gaussian per row: {@code N(mean, diag(scale^2))}, mean and scale of one shape (scale
 * may also broadcast, e.g. a scalar). Samples are {@code mean + scale * eps} with standard normal
 * {@code eps}, differentiable in both. A distribution of a given shape may also have a single-value
 * mean (such as a zero-mean prior), which then needs no tensor of zeros.
 */
public final class Normal extends Distribution {

    static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final Var mean;
    private final Var scale;
    private final int[] shape;

    public Normal(Var mean, Var scale) {
        this(mean, scale, mean.shape());
    }

    /** A Gaussian of the given shape; mean and scale each have that shape or a single value. */
    public Normal(Var mean, Var scale, int[] shape) {
        for (Var v : new Var[] {mean, scale}) {
            int[] vs = v.shape();
            if (!Arrays.equals(vs, shape) && org.hdbn.tensor.Shape.size(vs) != 1) {
                throw new IllegalArgumentException("Normal of shape " + Arrays.toString(shape) + ": mean shape "
                        + Arrays.toString(mean.shape()) + " and scale shape " + Arrays.toString(scale.shape())
                        + " must each be that shape or a single value");
            }
        }
        this.mean = mean;
        this.scale = scale;
        this.shape = shape.clone();
    }

    /** The standard normal of the given shape, made of constants. */
    public static Normal standard(Graph g, int... shape) {
        return new Normal(g.scalar(0.0), g.scalar(1.0), shape);
    }

    public Var mean() {
        return mean;
    }

    public Var scale() {
        return scale;
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    protected Var doRsample(Graph g, UniformRandomProvider rng) {
        // noise first: the elementwise ops are fastest with the full-shape operand on the left
        return g.add(g.mul(g.constant(standardNormal(shape(), rng)), scale), mean);
    }

    @Override
    protected Var doLogProb(Graph g, Var x) {
        Var z = g.div(g.sub(x, mean), scale);
        Var perDim = g.neg(g.add(g.addScalar(g.scale(g.square(z), 0.5), HALF_LOG_2PI), g.log(scale)));
        return sumLastAxis(g, broadcastTo(g, perDim));
    }

    @Override
    protected Var doEntropy(Graph g) {
        Var perDim = g.addScalar(g.log(scale), 0.5 + HALF_LOG_2PI);
        return sumLastAxis(g, broadcastTo(g, perDim));
    }

    /** A per-dimension term made the full shape (a scalar scale gives a scalar term). */
    private Var broadcastTo(Graph g, Var perDim) {
        if (Arrays.equals(perDim.shape(), shape())) {
            return perDim;
        }
        return g.add(perDim, g.constant(Tensor.zeros(shape())));
    }

    /** A tensor of standard normal draws. */
    public static Tensor standardNormal(int[] shape, UniformRandomProvider rng) {
        Tensor eps = Tensor.zeros(shape);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[] d = eps.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = gauss.sample();
        }
        return eps;
    }

    /**
     * Closed-form {@code KL(p || q)} per row: the sum over dimensions of
     * {@code log(sq/sp) + (sp^2 + (mp - mq)^2) / (2 sq^2) - 1/2}.
     */
    public static Var kl(Graph g, Normal p, Normal q) {
        return g.gaussianKl(p.mean, p.scale, q.mean, q.scale);
    }
}
