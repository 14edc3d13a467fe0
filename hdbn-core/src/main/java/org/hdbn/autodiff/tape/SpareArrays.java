package org.hdbn.autodiff.tape;

import java.util.Arrays;
import org.eclipse.collections.impl.map.mutable.primitive.IntObjectHashMap;

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
        // asked for since the last endPass(): only such lengths' arrays are worth keeping
        boolean asked;
    }

    private final IntObjectHashMap<Stack> byLength = new IntObjectHashMap<>();

    /** A zeroed array of the length: a spare one, or a new one. */
    double[] zeroed(int length) {
        Stack free = stackOf(length);
        if (free.size == 0) {
            return new double[length];
        }
        double[] a = pop(free);
        Arrays.fill(a, 0.0);
        return a;
    }

    /** An array of the length with any content (for a value its op writes in full): a spare one, or a new one. */
    double[] any(int length) {
        Stack free = stackOf(length);
        return free.size == 0 ? new double[length] : pop(free);
    }

    /** The stack of a length, marked as asked for (one map lookup per request). */
    private Stack stackOf(int length) {
        Stack free = byLength.getIfAbsentPut(length, Stack::new);
        free.asked = true;
        return free;
    }

    private static double[] pop(Stack free) {
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
        byLength.values().removeIf(stack -> !stack.asked);
        byLength.forEachValue(stack -> stack.asked = false);
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
