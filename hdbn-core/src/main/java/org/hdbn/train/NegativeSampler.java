package org.hdbn.train;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws the negatives of one positive for a pairwise ranking loss. Which items may be negatives
 * decides what the loss teaches: negatives never drawn from a user's known items teach nothing
 * about ranking known items against new ones.
 */
@FunctionalInterface
public interface NegativeSampler {

    /**
     * Writes {@code count} negatives for the positive (user, item) into {@code out[from ..]}, every
     * draw from {@code rng}.
     */
    void sample(int user, int positive, UniformRandomProvider rng, int[] out, int from, int count);
}
