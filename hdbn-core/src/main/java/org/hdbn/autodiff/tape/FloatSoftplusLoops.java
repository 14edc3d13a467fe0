package org.hdbn.autodiff.tape;

/**
 * {@link SoftplusLoops} for the single-precision tape: blocks of the float arrays widened to
 * double, run through the double loops this process uses (the Vector API's where present), and
 * rounded back, so each entry is the float nearest {@link SoftplusMath}'s double result. The
 * blocks stay in the first-level cache, so the widening costs little next to the functions.
 */
final class FloatSoftplusLoops {

    /** Entries per block: 16 KB of doubles for each array a block widens. */
    static final int BLOCK = 2048;

    private static final FloatSoftplusLoops INSTANCE = new FloatSoftplusLoops(SoftplusLoops.preferred());

    private final SoftplusLoops loops;

    private FloatSoftplusLoops(SoftplusLoops loops) {
        this.loops = loops;
    }

    static FloatSoftplusLoops preferred() {
        return INSTANCE;
    }

    /** {@code y = log(1 + e^x)} for every entry; x and y have one length. */
    void forward(float[] x, float[] y) {
        int n = Math.min(BLOCK, x.length);
        double[] xd = new double[n];
        double[] yd = new double[n];
        for (int from = 0; from < x.length; from += BLOCK) {
            int len = Math.min(BLOCK, x.length - from);
            double[] xb = len == n ? xd : new double[len];
            double[] yb = len == n ? yd : new double[len];
            widen(x, from, xb);
            loops.forward(xb, yb);
            for (int k = 0; k < len; k++) {
                y[from + k] = (float) yb[k];
            }
        }
    }

    /** {@code gx += g * sigmoid(x)} for every entry, given the forward's output y. */
    void backward(float[] x, float[] y, float[] g, float[] gx) {
        int n = Math.min(BLOCK, x.length);
        double[][] blocks = new double[4][n];
        for (int from = 0; from < x.length; from += BLOCK) {
            int len = Math.min(BLOCK, x.length - from);
            double[][] b = len == n ? blocks : new double[4][len];
            widen(x, from, b[0]);
            widen(y, from, b[1]);
            widen(g, from, b[2]);
            java.util.Arrays.fill(b[3], 0.0);
            loops.backward(b[0], b[1], b[2], b[3]);
            for (int k = 0; k < len; k++) {
                gx[from + k] += (float) b[3][k];
            }
        }
    }

    private static void widen(float[] src, int from, double[] dst) {
        for (int k = 0; k < dst.length; k++) {
            dst[k] = src[from + k];
        }
    }
}
