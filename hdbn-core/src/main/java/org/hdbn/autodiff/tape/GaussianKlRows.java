package org.hdbn.autodiff.tape;

import org.hdbn.tensor.VectorApi;

/**
 * The forward loop of {@link GaussianKlOp} for a Bayesian layer's weights: per row, the KL
 * divergence of {@code N(mp, sp^2)} from a fixed prior {@code N(mq, sq^2)}. It runs over
 * every weight of every layer each step (HDBN's 50 group networks: 292,000), and as one running
 * sum and one running product it waited on each addition and multiplication in turn.
 *
 * <p>Entry {@code j} of a row goes to lane {@code j % 8} of eight lanes, each with its own sum of
 * squares, product of mantissas and sum of logarithms; a lane's product takes its logarithm after
 * every 32 of its entries (32 mantissas in [1, 2) cannot overflow), and at the end of the row the
 * lanes are combined in a fixed tree. {@link VectorGaussianKl} runs the lanes as one vector of
 * eight doubles, {@link ScalarGaussianKl} one entry at a time: the same operations in the same
 * order, so the same bits, whatever the machine's vector width (the lane count is fixed, not the
 * hardware's).
 */
interface GaussianKlRows {

    /** Lanes of the sums and products (eight for doubles). */
    int LANES = GaussianKlConstants.LANES;

    /**
     * Entries of a lane multiplied together before the product's logarithm is taken (32 for
     * doubles: all lanes' products together stay below 2^(LANES CHUNK), far inside the exponent's range).
     */
    int CHUNK = GaussianKlConstants.CHUNK;

    /**
     * {@code y[i] = sum over row i of (0.5 (r^2 + d^2) - log r - 0.5)} with {@code r = sp / sq} and
     * {@code d = (mp - mq) / sq}, for {@code rows} rows of {@code cols} entries of mp and sp against
     * the single values {@code mq[0]} and {@code sq[0]}.
     */
    void rows(double[] mp, double[] sp, double[] mq, double[] sq, int rows, int cols, double[] y);

    /**
     * The KL of each row, the operands read with strides (1 for a full operand, 0 for a single
     * value): the {@linkplain #preferred() preferred} lanes against a fixed prior (full mp and sp,
     * single mq and sq), {@link ScalarGaussianKl#strided} otherwise.
     */
    static void strided(double[] mp, int smp, double[] sp, int ssp, double[] mq, int smq, double[] sq, int ssq,
            int rows, int cols, double[] y) {
        if (smp == 1 && ssp == 1 && smq == 0 && ssq == 0) {
            preferred().rows(mp, sp, mq, sq, rows, cols, y);
        } else {
            ScalarGaussianKl.strided(mp, smp, sp, ssp, mq, smq, sq, ssq, rows, cols, y);
        }
    }

    /**
     * Adds one entry ({@code m} of mp, {@code s} of sp) to lane {@code lane}: its squares to the
     * lane's sum, and the logarithm of its ratio as the ratio's mantissa into the lane's product
     * (returning the ratio's binary exponent, to be added up) or, for a ratio that is not a positive
     * normal number, as its plain logarithm (returning 0).
     */
    static long addEntry(double m, double s, double mq, double inv, int lane, double[] squares, double[] logs,
            double[] product) {
        double ratio = s * inv;
        double diff = (m - mq) * inv;
        squares[lane] += ratio * ratio + diff * diff;
        long bits = Double.doubleToRawLongBits(ratio);
        int biased = (int) (bits >>> GaussianKlConstants.EXPONENT_SHIFT);
        if (biased == 0 || biased >= GaussianKlConstants.EXPONENT_MAX) {
            // zero, subnormal, negative (sign bit set), infinite or NaN
            logs[lane] += Math.log(ratio);
            return 0;
        }
        product[lane] *= Double.longBitsToDouble((bits & GaussianKlConstants.MANTISSA)
                | GaussianKlConstants.EXPONENT_OF_ONE);
        return biased - GaussianKlConstants.EXPONENT_BIAS;
    }

    /**
     * A row's KL from its lanes: {@code 0.5 squares - (logs + log(product) + exponents ln 2) - 0.5
     * cols}, each lane array added (or multiplied) in place in the fixed tree, for eight lanes
     * {@code ((a0 . a1) . (a2 . a3)) . ((a4 . a5) . (a6 . a7))}. Each lane's product is below
     * {@code 2^CHUNK}, so theirs is below {@code 2^(LANES CHUNK)}.
     */
    static double combine(double[] squares, double[] logs, double[] product, long exponents, int cols) {
        for (int w = 1; w < LANES; w *= 2) {
            for (int l = 0; l < LANES; l += 2 * w) {
                squares[l] += squares[l + w];
                logs[l] += logs[l + w];
                product[l] *= product[l + w];
            }
        }
        return 0.5 * squares[0] - (logs[0] + (Math.log(product[0]) + exponents * GaussianKlConstants.LN2)) - 0.5 * cols;
    }

    /** Adds each lane's product's logarithm to its logs and resets the product (a lane's chunk is full). */
    static void flush(double[] logs, double[] product) {
        for (int l = 0; l < LANES; l++) {
            logs[l] += Math.log(product[l]);
            product[l] = 1;
        }
    }

    /** What runs, for reports. */
    String name();

    /** The loops this process uses (chosen on first use). */
    static GaussianKlRows preferred() {
        return Preferred.ROWS;
    }

    /** The choice, made once, when a KL first runs. */
    final class Preferred {
        static final GaussianKlRows ROWS = VectorApi.load("org.hdbn.autodiff.tape.VectorGaussianKl",
                GaussianKlRows.class, ScalarGaussianKl.INSTANCE);

        private Preferred() {
        }
    }
}
