package org.hdbn.autodiff.tape;

import java.util.Arrays;

/**
 * {@link GaussianKlRows} one entry at a time, its eight lanes as arrays: the bits of
 * {@link VectorGaussianKl}, and (with strides) the KL against any prior.
 */
final class ScalarGaussianKl implements GaussianKlRows {

    static final ScalarGaussianKl INSTANCE = new ScalarGaussianKl();

    private ScalarGaussianKl() {
    }

    @Override
    public void rows(double[] mp, double[] sp, double[] mq, double[] sq, int rows, int cols, double[] y) {
        strided(mp, 1, sp, 1, mq, 0, sq, 0, rows, cols, y);
    }

    /**
     * The lanes over operands read with strides (1 for a full operand, 0 for a single value): entry
     * {@code k} of the rows reads {@code mp[k smp]}, {@code sp[k ssp]}, {@code mq[k smq]} and
     * {@code sq[k ssq]}. Any prior, learned or fixed.
     */
    static void strided(double[] mp, int smp, double[] sp, int ssp, double[] mq, int smq, double[] sq, int ssq,
            int rows, int cols, double[] y) {
        double[] squares = new double[LANES];
        double[] logs = new double[LANES];
        double[] product = new double[LANES];
        int vectors = (cols + LANES - 1) / LANES;
        for (int i = 0; i < rows; i++) {
            Arrays.fill(squares, 0);
            Arrays.fill(logs, 0);
            Arrays.fill(product, 1);
            long exponents = 0;
            for (int v = 0; v < vectors; v++) {
                for (int l = 0, j = v * LANES; l < LANES && j < cols; l++, j++) {
                    int k = i * cols + j;
                    exponents += GaussianKlRows.addEntry(mp[k * smp], sp[k * ssp], mq[k * smq], 1 / sq[k * ssq], l,
                            squares, logs, product);
                }
                if ((v + 1) % CHUNK == 0 && v + 1 < vectors) {
                    GaussianKlRows.flush(logs, product);
                }
            }
            y[i] = GaussianKlRows.combine(squares, logs, product, exponents, cols);
        }
    }

    @Override
    public String name() {
        return "scalar (" + LANES + " lanes one entry at a time)";
    }
}
