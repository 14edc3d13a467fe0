package org.hdbn.train;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.data.SeenItems;

/**
 * Negatives drawn uniformly from the items the user has not interacted with in training (the
 * usual BPR sampler, and the released HDBN code's): it matches an evaluation that removes the
 * user's known items from the candidates.
 */
public final class UnseenNegatives implements NegativeSampler {

    private final SeenItems seen;
    private final int numItems;

    public UnseenNegatives(SeenItems seen, int numItems) {
        this.seen = seen;
        this.numItems = numItems;
    }

    @Override
    public void sample(int user, int positive, UniformRandomProvider rng, int[] out, int from, int count) {
        if (count > 0 && seen.itemsOf(user).length >= numItems) {
            throw new IllegalArgumentException("user " + user + " interacted with every item: no negative to draw");
        }
        for (int j = 0; j < count; j++) {
            int item;
            do {
                item = rng.nextInt(numItems);
            } while (seen.contains(user, item));
            out[from + j] = item;
        }
    }
}
