package org.hdbn.variational.latent;

import org.hdbn.graph.ForwardContext;
import org.hdbn.prob.Distribution;
import org.hdbn.prob.Normal;

/** The prior a latent node's posterior is pulled towards, built for one pass. */
@FunctionalInterface
public interface LatentPrior {

    /** A distribution of the posterior's shape (one row per row of the batch). */
    Distribution prior(ForwardContext f, Normal posterior);
}
