package org.hdbn.data;

import java.util.Arrays;
import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;
import org.eclipse.collections.impl.map.mutable.primitive.LongObjectHashMap;

/**
 * Every training event of each (user, item) pair, as the contexts the events happened in: for a
 * user who played a song three times, twice when happy and once when sad, the pair's contexts are
 * {@code [happy, happy, sad]}. Score terms that let the context reach a user's own history (which
 * known items a user returns to in which context) read it.
 *
 * <p>Immutable once built; the arrays it returns are shared and must not be modified. The pairs
 * are keyed by a primitive {@code long} (Eclipse Collections' open-addressing map): a training step
 * of the history term looks up thousands of pairs, and a boxed key per lookup was measured slower
 * (docs/performance.md).
 */
public final class ContextHistory {

    private static final int[] NONE = new int[0];

    private final LongObjectHashMap<int[]> contextsByPair;
    private final int itemBound;
    private final int contextBound;

    private ContextHistory(LongObjectHashMap<int[]> contextsByPair, int itemBound, int contextBound) {
        this.contextsByPair = contextsByPair;
        this.itemBound = itemBound;
        this.contextBound = contextBound;
    }

    /** Indexes the events of the given interactions; each pair's contexts are sorted. */
    public static ContextHistory of(Interactions train) {
        int itemBound = train.itemBound();
        LongIntHashMap counts = new LongIntHashMap();
        for (int r = 0; r < train.size(); r++) {
            counts.addToValue(key(train.users()[r], train.items()[r], itemBound), 1);
        }
        LongObjectHashMap<int[]> byPair = new LongObjectHashMap<>(counts.size());
        counts.forEachKeyValue((k, c) -> byPair.put(k, new int[c]));
        LongIntHashMap fill = new LongIntHashMap(counts.size());
        for (int r = 0; r < train.size(); r++) {
            long k = key(train.users()[r], train.items()[r], itemBound);
            byPair.get(k)[fill.addToValue(k, 1) - 1] = train.contexts()[r];
        }
        byPair.forEachValue(Arrays::sort);
        return new ContextHistory(byPair, itemBound, train.contextBound());
    }

    private static long key(int user, int item, int itemBound) {
        return (long) user * itemBound + item;
    }

    /** The contexts of the user's training events with the item, sorted; empty when there are none. */
    public int[] contexts(int user, int item) {
        if (user < 0 || item < 0 || item >= itemBound) {
            return NONE;
        }
        int[] events = contextsByPair.get(key(user, item, itemBound));
        return events == null ? NONE : events;
    }

    /** One more than the largest context index of the events, 0 when empty. */
    public int contextBound() {
        return contextBound;
    }
}
