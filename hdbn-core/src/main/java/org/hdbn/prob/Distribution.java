package org.hdbn.prob;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;

/**
 * A batch of independent distributions over vectors, one per row, whose parameters are values of
 * a {@link Graph} (so samples and densities are differentiable in them). The public methods
 * validate and delegate to one protected hook each, which a subclass fills in.
 */
public abstract class Distribution {

    /** The shape of one draw for the whole batch, e.g. {@code [rows, dim]}. */
    public abstract int[] shape();

    /** A reparameterised sample: differentiable in the distribution's parameters. */
    public final Var rsample(Graph g, UniformRandomProvider rng) {
        if (rng == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".rsample needs a random stream");
        }
        return doRsample(g, rng);
    }

    /** The log density of each row of {@code x}: one value per row. */
    public final Var logProb(Graph g, Var x) {
        if (!Arrays.equals(x.shape(), shape())) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ".logProb of shape "
                    + Arrays.toString(x.shape()) + ", distribution has shape " + Arrays.toString(shape()));
        }
        return doLogProb(g, x);
    }

    /** The entropy of each row's distribution: one value per row. */
    public final Var entropy(Graph g) {
        return doEntropy(g);
    }

    protected abstract Var doRsample(Graph g, UniformRandomProvider rng);

    protected abstract Var doLogProb(Graph g, Var x);

    protected abstract Var doEntropy(Graph g);

    /** Sums over the last axis: per-row totals of per-dimension terms. */
    protected static Var sumLastAxis(Graph g, Var x) {
        return x.shape().length == 2 ? g.sum(x, 1) : g.sum(x);
    }
}
