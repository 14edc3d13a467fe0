package org.hdbn.tensor;

/**
 * Sums of long arrays in four interleaved partial sums, added at the end: a single running sum
 * waits on each addition's latency, four keep the adder busy. The order depends on the length
 * only, so the result is reproducible.
 */
public final class Sums {

    private Sums() {
    }

    /** {@code a[from] + ... + a[to - 1]}. */
    public static double sum(double[] a, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            s0 += a[k];
            s1 += a[k + 1];
            s2 += a[k + 2];
            s3 += a[k + 3];
        }
        for (; k < to; k++) {
            s0 += a[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** {@code a[from]^2 + ... + a[to - 1]^2}. */
    public static double sumOfSquares(double[] a, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = from;
        for (; k + 3 < to; k += 4) {
            s0 += a[k] * a[k];
            s1 += a[k + 1] * a[k + 1];
            s2 += a[k + 2] * a[k + 2];
            s3 += a[k + 3] * a[k + 3];
        }
        for (; k < to; k++) {
            s0 += a[k] * a[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * The sum of floats, or of their squares, each entry widened to double and summed in the same
     * four partial sums.
     */
    public static double sumOf(float[] x, int from, int to, boolean squares) {
        int end = from + (to - from) / 4 * 4;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int k = from; k < end; k += 4) {
            double a = x[k];
            double b = x[k + 1];
            double c = x[k + 2];
            double d = x[k + 3];
            s0 += squares ? a * a : a;
            s1 += squares ? b * b : b;
            s2 += squares ? c * c : c;
            s3 += squares ? d * d : d;
        }
        for (int k = end; k < to; k++) {
            double a = x[k];
            s0 += squares ? a * a : a;
        }
        return (s0 + s1) + (s2 + s3);
    }
}
