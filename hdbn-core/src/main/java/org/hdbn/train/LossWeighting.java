package org.hdbn.train;

import org.hdbn.graph.LossTerm;

/**
 * The objective a {@link Trainer} minimises, as an extra multiplier on each loss term that may
 * change during training, on top of the weight the spec gives it. The variational module's
 * {@code Elbo} (with its KL warm-up or cyclical schedule) is the one models train with;
 * {@link #none()} is the plain sum of the weighted terms.
 */
@FunctionalInterface
public interface LossWeighting {

    double multiplier(LossTerm term, long step);

    static LossWeighting none() {
        return (term, step) -> 1.0;
    }
}
