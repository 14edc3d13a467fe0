package org.hdbn.autodiff.tape;

import java.util.Arrays;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;

/**
 * Gradient arrays a pass no longer needs, by length, handed out again zeroed: an inner node's
 * gradient is read by its own backward step only, so once that has run the array can serve a node
 * further down the tape instead of becoming garbage. One pass, one thread.
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

    /** A zeroed array of the length: a spare one, or a new one. */
    double[] zeroed(int length) {
        Stack free = byLength.get(length);
        if (free == null || free.size == 0) {
            return new double[length];
        }
        double[] a = free.arrays[--free.size];
        free.arrays[free.size] = null;
        Arrays.fill(a, 0.0);
        return a;
    }

    /** Takes an array nobody reads or writes any more. */
    void give(double[] a) {
        Stack free = byLength.getIfAbsentPut(a.length, Stack::new);
        if (free.size == free.arrays.length) {
            free.arrays = Arrays.copyOf(free.arrays, 2 * free.size);
        }
        free.arrays[free.size++] = a;
    }

    void clear() {
        byLength.clear();
    }
}
