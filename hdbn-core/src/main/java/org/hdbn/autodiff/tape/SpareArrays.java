package org.hdbn.autodiff.tape;

import java.util.Arrays;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;
import org.eclipse.collections.impl.set.mutable.primitive.IntHashSet;

/**
 * Gradient arrays a pass no longer needs, by length, handed out again zeroed: an inner node's
 * gradient is read by its own backward step only, so once that has run the array can serve a node
 * further down the tape (or of a later pass, {@link SparePools}) instead of becoming garbage. One
 * pass at a time.
 *
 * <p>Asked once per inner node of the tape (thousands per pass): the lengths key a primitive map
 * (no boxing of the length) to plain array stacks.
 */
final class SpareArrays {

    /** The free arrays of one length, a stack. */
    private static final class Stack {
        double[][] arrays = new double[4][];
        int size;
    }

    private final IntObjectHashMap<Stack> byLength = new IntObjectHashMap<>();
    // lengths asked for since the last endPass(): only their arrays are worth keeping
    private final IntHashSet asked = new IntHashSet();

    /** A zeroed array of the length: a spare one, or a new one. */
    double[] zeroed(int length) {
        Stack free = byLength.get(length);
        boolean spare = free != null && free.size > 0;
        double[] a = any(length);
        if (spare) {
            Arrays.fill(a, 0.0);
        }
        return a;
    }

    /** An array of the length with any content (for a value its op writes in full): a spare one, or a new one. */
    double[] any(int length) {
        asked.add(length);
        Stack free = byLength.get(length);
        if (free == null || free.size == 0) {
            return new double[length];
        }
        double[] a = free.arrays[--free.size];
        free.arrays[free.size] = null;
        return a;
    }

    /**
     * Drops the arrays of every length the pass did not ask for: many lengths depend on how a
     * batch was cut (rows per shard, per group) and may not come again, so keeping them all would
     * hold on to the memory of every pass ever run; lengths asked for again (the weights' arrays,
     * repeated cuts) keep theirs.
     */
    void endPass() {
        byLength.keySet().retainAll(asked);
        asked.clear();
    }

    /** Takes an array nobody reads or writes any more. */
    void give(double[] a) {
        Stack free = byLength.getIfAbsentPut(a.length, Stack::new);
        if (free.size == free.arrays.length) {
            free.arrays = Arrays.copyOf(free.arrays, 2 * free.size);
        }
        free.arrays[free.size++] = a;
    }

}
