package org.hdbn.variational.latent;

import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.SpecException;
import org.hdbn.prob.Distribution;
import org.hdbn.prob.Normal;

/**
 * The free-bits KL of Kingma et al. 2016 (Improved variational inference with inverse
 * autoregressive flow, eq. 15): {@code sum_d max(lambda, mean_batch KL(q_d || p_d))} for diagonal
 * Gaussians. Each latent dimension may carry {@code lambda} nats before the KL pulls it back onto
 * its prior, which keeps a posterior from collapsing onto its prior when the likelihood's pull is weak.
 */
public final class FreeBits {

    private FreeBits() {
    }

    /** The free-bits KL of q from p, a scalar; both must be {@link Normal}. */
    public static Var kl(Graph g, Distribution q, Distribution p, double lambda) {
        if (!(q instanceof Normal nq) || !(p instanceof Normal np)) {
            throw new SpecException("free bits need Gaussian posterior and prior, got " + q.getClass().getSimpleName()
                    + " and " + p.getClass().getSimpleName());
        }
        Var ratio = g.div(nq.scale(), np.scale());
        Var diff = g.div(g.sub(nq.mean(), np.mean()), np.scale());
        Var perEntry = g.sub(g.scale(g.add(g.square(ratio), g.square(diff)), 0.5), g.addScalar(g.log(ratio), 0.5));
        Var perDim = perEntry.shape().length == 2 ? g.mean(perEntry, 0) : perEntry;
        return g.sum(g.addScalar(g.relu(g.addScalar(perDim, -lambda)), lambda));
    }
}
