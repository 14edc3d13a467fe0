package org.hdbn.autodiff.tape;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Gradient arrays a pass no longer needs, by length, handed out again zeroed: an inner node's
 * gradient is read by its own backward step only, so once that has run the array can serve a node
 * further down the tape instead of becoming garbage. One pass, one thread.
 */
final class SpareArrays {

    private final Map<Integer, ArrayDeque<double[]>> byLength = new HashMap<>();

    /** A zeroed array of the length: a spare one, or a new one. */
    double[] zeroed(int length) {
        ArrayDeque<double[]> free = byLength.get(key(length));
        if (free == null || free.isEmpty()) {
            return new double[length];
        }
        double[] a = free.pop();
        Arrays.fill(a, 0.0);
        return a;
    }

    /** Takes an array nobody reads or writes any more. */
    void give(double[] a) {
        byLength.computeIfAbsent(key(a.length), n -> new ArrayDeque<>()).push(a);
    }

    void clear() {
        byLength.clear();
    }

    /**
     * Scrambled by an odd multiplier (a one-to-one map): lengths are mostly multiples of a power of
     * two and would crowd a few buckets of the hash map.
     */
    private static int key(int length) {
        return length * 0x9E3779B1;
    }
}
