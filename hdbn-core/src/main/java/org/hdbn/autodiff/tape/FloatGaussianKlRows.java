package org.hdbn.autodiff.tape;

/**
 * The forward of {@link GaussianKlOp} for the single-precision tape: blocks of rows widened to
 * double and summed by {@link GaussianKlRows#strided}, so a
 * row's KL is the float nearest the double KL of its float operands.
 */
final class FloatGaussianKlRows {

    /** Entries per block, about: whole rows, at least one. */
    static final int BLOCK = 4096;

    private FloatGaussianKlRows() {
    }

    /** The KL of each row against any prior, operands read with strides 1 (full) or 0 (a single value). */
    static void strided(float[] mp, int smp, float[] sp, int ssp, float[] mq, int smq, float[] sq, int ssq,
            int rows, int cols, float[] y) {
        int blockRows = Math.max(1, BLOCK / Math.max(1, cols));
        for (int from = 0; from < rows; from += blockRows) {
            int r = Math.min(blockRows, rows - from);
            double[] dmp = widen(mp, smp, from * cols, r * cols);
            double[] dsp = widen(sp, ssp, from * cols, r * cols);
            double[] dmq = widen(mq, smq, from * cols, r * cols);
            double[] dsq = widen(sq, ssq, from * cols, r * cols);
            double[] dy = new double[r];
            GaussianKlRows.strided(dmp, smp, dsp, ssp, dmq, smq, dsq, ssq, r, cols, dy);
            for (int i = 0; i < r; i++) {
                y[from + i] = (float) dy[i];
            }
        }
    }

    /** {@code length} entries from {@code from}, or the single value of a stride-0 operand. */
    private static double[] widen(float[] v, int stride, int from, int length) {
        if (stride == 0) {
            return new double[] {v[0]};
        }
        double[] d = new double[length];
        for (int k = 0; k < length; k++) {
            d[k] = v[from + k];
        }
        return d;
    }
}
