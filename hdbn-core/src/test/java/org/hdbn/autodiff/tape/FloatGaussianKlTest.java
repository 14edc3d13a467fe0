package org.hdbn.autodiff.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The KL's eight lanes in single precision (generated from {@link GaussianKlRows},
 * {@link ScalarGaussianKl} and {@link VectorGaussianKl} with {@link FloatGaussianKlConstants}):
 * the float vector loop gives the float scalar lanes' bits, and a row's float KL is the double
 * lanes' KL of the same float operands to float precision (the double lanes are checked against
 * the closed form by {@code GaussianKlRowsTest}).
 */
class FloatGaussianKlTest {

    /** Rows of 600 entries each round a few hundred sums and logarithms to float: a few 1e-7, relative. */
    static final double RELATIVE = 2e-6;

    @Test
    void floatLanesGiveTheDoubleKlOfTheirOperands() {
        UniformRandomProvider rng = RandomStreams.create(62);
        for (int cols : new int[] {1, 8, 9, 64, 257, 600, -600}) {
            float[][] row = operands(rng, 4, Math.abs(cols), false);
            if (cols < 0) {
                // every ratio's mantissa just below 2, the largest a lane's product can take: the
                // chunk must keep all lanes' products inside float's range
                java.util.Arrays.fill(row[1], 0.75f * 1.999f);
                cols = -cols;
            }
            float[] y = new float[4];
            FloatGaussianKlRows.strided(row[0], 1, row[1], 1, new float[] {0.1f}, 0, new float[] {0.75f}, 0, 4, cols, y);
            double[] expected = new double[4];
            GaussianKlRows.strided(widen(row[0]), 1, widen(row[1]), 1, new double[] {0.1f}, 0, new double[] {0.75f}, 0, 4,
                    cols, expected);
            for (int i = 0; i < 4; i++) {
                assertThat((double) y[i]).as("row %d of %d entries", i, cols)
                        .isCloseTo(expected[i], org.assertj.core.api.Assertions.within(RELATIVE * Math.abs(expected[i])));
            }
        }
    }

    @Test
    void floatVectorLanesGiveTheFloatScalarLanesBits() {
        assumeTrue(FloatGaussianKlRows.preferred() instanceof FloatVectorGaussianKl, "the vector loop runs here");
        UniformRandomProvider rng = RandomStreams.create(63);
        for (int cols : new int[] {1, 7, 8, 9, 16, 17, 64, 255, 256, 257, 600}) {
            for (boolean edges : new boolean[] {false, true}) {
                float[][] row = operands(rng, 3, cols, edges);
                float[] mq = {0.1f};
                float[] sq = {0.75f};
                // cold, then after the JIT has compiled the loop: the bits must not depend on it
                for (int pass = 0; pass < 2; pass++) {
                    float[] scalar = new float[3];
                    float[] vector = new float[3];
                    FloatScalarGaussianKl.INSTANCE.rows(row[0], row[1], mq, sq, 3, cols, scalar);
                    FloatGaussianKlRows.preferred().rows(row[0], row[1], mq, sq, 3, cols, vector);
                    assertThat(bits(vector)).as("%d entries, edges %s", cols, edges).isEqualTo(bits(scalar));
                    for (int warm = 0; pass == 0 && warm < 3_000; warm++) {
                        FloatGaussianKlRows.preferred().rows(row[0], row[1], mq, sq, 3, cols, vector);
                    }
                }
            }
        }
    }

    /**
     * Means and scales of {@code rows} rows: scales near a Bayesian layer's (softplus of rho near
     * -5) and spread over ten decades; with edges, subnormal and huge scales throughout and zero,
     * negative, infinite and NaN ones in the last row.
     */
    private static float[][] operands(UniformRandomProvider rng, int rows, int cols, boolean edges) {
        float[] mp = new float[rows * cols];
        float[] sp = new float[rows * cols];
        float[] finiteEdges = {Float.MIN_VALUE, Float.MIN_NORMAL, 1e-30f, 1e30f};
        for (int k = 0; k < mp.length; k++) {
            mp[k] = (float) (rng.nextDouble() - 0.5);
            sp[k] = (float) (k % 5 == 0 ? Math.pow(10, -10 * rng.nextDouble()) : 0.0067 * (0.5 + rng.nextDouble()));
            if (edges && k % 3 == 1) {
                sp[k] = finiteEdges[(k / 3) % finiteEdges.length];
            }
        }
        float[] nonFinite = {0f, -0.5f, Float.POSITIVE_INFINITY, Float.NaN};
        for (int j = 0; edges && j < Math.min(cols, nonFinite.length); j++) {
            sp[(rows - 1) * cols + j] = nonFinite[j];
        }
        return new float[][] {mp, sp};
    }

    private static double[] widen(float[] f) {
        double[] d = new double[f.length];
        Arrays.setAll(d, k -> f[k]);
        return d;
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        Arrays.setAll(out, k -> Float.floatToIntBits(values[k]));
        return out;
    }
}
