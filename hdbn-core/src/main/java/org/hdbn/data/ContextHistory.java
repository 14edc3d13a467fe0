package org.hdbn.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every training event of each (user, item) pair, as the contexts the events happened in: for a
 * user who played a song three times, twice when happy and once when sad, the pair's contexts are
 * {@code [happy, happy, sad]}. Score terms that let the context reach a user's own history (which
 * known items a user returns to in which context) read it.
 *
 * <p>Immutable once built; the arrays it returns are shared and must not be modified.
 */
public final class ContextHistory {

    private static final int[] NONE = new int[0];

    private final Map<Long, int[]> contextsByPair;
    private final SeenItems items;
    private final int itemBound;
    private final int contextBound;

    private ContextHistory(Map<Long, int[]> contextsByPair, SeenItems items, int itemBound, int contextBound) {
        this.contextsByPair = contextsByPair;
        this.items = items;
        this.itemBound = itemBound;
        this.contextBound = contextBound;
    }

    /** Indexes the events of the given interactions; each pair's contexts are sorted. */
    public static ContextHistory of(Interactions train) {
        int itemBound = train.itemBound();
        Map<Long, int[]> counts = new HashMap<>();
        for (int r = 0; r < train.size(); r++) {
            counts.computeIfAbsent(key(train.users()[r], train.items()[r], itemBound), k -> new int[1])[0]++;
        }
        Map<Long, int[]> byPair = new HashMap<>(counts.size() * 2);
        Map<Long, Integer> fill = new HashMap<>(counts.size() * 2);
        counts.forEach((k, c) -> byPair.put(k, new int[c[0]]));
        for (int r = 0; r < train.size(); r++) {
            long k = key(train.users()[r], train.items()[r], itemBound);
            int at = fill.merge(k, 1, Integer::sum) - 1;
            byPair.get(k)[at] = train.contexts()[r];
        }
        byPair.values().forEach(Arrays::sort);
        return new ContextHistory(byPair, SeenItems.of(train), itemBound, train.contextBound());
    }

    private static long key(int user, int item, int itemBound) {
        return (long) user * itemBound + item;
    }

    /** The contexts of the user's training events with the item, sorted; empty when there are none. */
    public int[] contexts(int user, int item) {
        if (user < 0 || item < 0 || item >= itemBound) {
            return NONE;
        }
        return contextsByPair.getOrDefault(key(user, item, itemBound), NONE);
    }

    /** Each user's items of the events, contexts aside (for item-item terms fitted on the same events). */
    public SeenItems items() {
        return items;
    }

    /** One more than the largest context index of the events, 0 when empty. */
    public int contextBound() {
        return contextBound;
    }
}
