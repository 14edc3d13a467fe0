package org.hdbn.testing;

/**
 * Checks that two arrays agree entry by entry to a relative tolerance: what one engine computes
 * against another (double and single precision, the tape and PyTorch).
 */
public final class CloseArrays {

    private CloseArrays() {
    }

    /**
     * Entries agree when {@code |actual - expected| <= tolerance * max(1, |expected|)}, when they
     * are equal (infinities) or when both are NaN; else throws an {@link AssertionError} naming the
     * first entry that does not, with both values and the difference allowed.
     */
    public static void check(String what, double[] expected, double[] actual, double tolerance) {
        if (actual.length != expected.length) {
            throw new AssertionError(what + ": " + actual.length + " entries, expected " + expected.length);
        }
        for (int k = 0; k < expected.length; k++) {
            double allowed = tolerance * Math.max(1, Math.abs(expected[k]));
            if (!(Math.abs(actual[k] - expected[k]) <= allowed) && !(Double.isNaN(expected[k]) && Double.isNaN(actual[k]))
                    && expected[k] != actual[k]) {
                throw new AssertionError(what + ": entry " + k + " is " + actual[k] + ", expected " + expected[k]
                        + " (difference " + Math.abs(actual[k] - expected[k]) + ", allowed " + allowed + ")");
            }
        }
    }
}
