package org.hdbn.train;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.data.SeenItems;

/**
 * Negatives drawn from every item but the positive, as in an evaluation where every item is a
 * candidate (known items included): {@code ownItems} of each positive's negatives come uniformly
 * from the user's other training items (when there are any), the rest uniformly from all items.
 * Drawing known items as negatives is what teaches a score which known item a user returns to in
 * a given context, and how a known item ranks against a new one.
 */
public final class AllItemNegatives implements NegativeSampler {

    private final SeenItems seen;
    private final int numItems;
    private final int ownItems;
    private final java.util.function.BiPredicate<Integer, Integer> ownFor;

    /**
     * @param ownItems  negatives per positive drawn from the user's own training items
     * @param ownFor    which (user, positive) pairs get own-item negatives; the others get uniform ones
     */
    public AllItemNegatives(SeenItems seen, int numItems, int ownItems,
            java.util.function.BiPredicate<Integer, Integer> ownFor) {
        if (numItems < 2 || ownItems < 0) {
            throw new IllegalArgumentException("need at least 2 items and ownItems >= 0, got " + numItems
                    + " items and ownItems " + ownItems);
        }
        this.seen = seen;
        this.numItems = numItems;
        this.ownItems = ownItems;
        this.ownFor = ownFor;
    }

    @Override
    public void sample(int user, int positive, UniformRandomProvider rng, int[] out, int from, int count) {
        int[] own = seen.itemsOf(user);
        boolean hasOther = (own.length > 1 || (own.length == 1 && own[0] != positive)) && ownFor.test(user, positive);
        for (int j = 0; j < count; j++) {
            int item;
            do {
                item = j < ownItems && hasOther ? own[rng.nextInt(own.length)] : rng.nextInt(numItems);
            } while (item == positive);
            out[from + j] = item;
        }
    }
}
