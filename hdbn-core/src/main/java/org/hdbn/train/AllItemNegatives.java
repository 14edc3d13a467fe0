package org.hdbn.train;

import java.util.function.BiPredicate;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.data.SeenItems;

/**
 * Negatives drawn from every item but the positive, as in an evaluation where every item is a
 * candidate (known items included). Each negative comes from the user's other training items with
 * probability {@code ownShare} ({@code repeatOwnShare} when the positive is a re-listen, an item
 * the user played more than once), else uniformly from all items. Known items as negatives teach a
 * score how a known item ranks against a new one and, for re-listens, which known item a user
 * returns to in a given context; uniform negatives alone almost never hold a known item, so a
 * score learns only that known items beat random ones.
 */
public final class AllItemNegatives implements NegativeSampler {

    private final SeenItems seen;
    private final int numItems;
    private final double ownShare;
    private final double repeatOwnShare;
    private final BiPredicate<Integer, Integer> repeat;

    /**
     * @param ownShare        probability that a negative is one of the user's other items
     * @param repeatOwnShare  the same for a positive that is a re-listen
     * @param repeat          whether (user, item) is a re-listen
     */
    public AllItemNegatives(SeenItems seen, int numItems, double ownShare, double repeatOwnShare,
            BiPredicate<Integer, Integer> repeat) {
        if (numItems < 2 || !(ownShare >= 0 && ownShare <= 1) || !(repeatOwnShare >= 0 && repeatOwnShare <= 1)) {
            throw new IllegalArgumentException("need at least 2 items and shares in [0, 1], got " + numItems
                    + " items, ownShare " + ownShare + ", repeatOwnShare " + repeatOwnShare);
        }
        this.seen = seen;
        this.numItems = numItems;
        this.ownShare = ownShare;
        this.repeatOwnShare = repeatOwnShare;
        this.repeat = repeat;
    }

    @Override
    public void sample(int user, int positive, UniformRandomProvider rng, int[] out, int from, int count) {
        int[] own = seen.itemsOf(user);
        boolean hasOther = own.length > 1 || (own.length == 1 && own[0] != positive);
        double share = !hasOther ? 0 : repeat.test(user, positive) ? repeatOwnShare : ownShare;
        for (int j = 0; j < count; j++) {
            boolean fromOwn = share > 0 && rng.nextDouble() < share;
            int item;
            do {
                item = fromOwn ? own[rng.nextInt(own.length)] : rng.nextInt(numItems);
            } while (item == positive);
            out[from + j] = item;
        }
    }
}
