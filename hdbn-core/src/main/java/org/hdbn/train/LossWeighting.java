package org.hdbn.train;

import org.hdbn.graph.LossTerm;

/**
 * An extra multiplier on a loss term that may change during training, on top of the weight the
 * spec gives it: a KL warm-up or cyclical schedule is one.
 */
@FunctionalInterface
public interface LossWeighting {

    double multiplier(LossTerm term, long step);

    static LossWeighting none() {
        return (term, step) -> 1.0;
    }
}
