package org.hdbn.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * Every variant of {@link Gemm} against the textbook triple loop, on sizes that hit each remainder
 * of the four-by-four blocking, the tile edges and zero extents.
 */
class GemmTest {

    /** Sums of up to 300 products of values in [-1, 1] in another order: round-off stays below this. */
    static final double TOLERANCE = 1e-12;

    static final int[] SIZES = {0, 1, 3, 4, 5, 8, 13, 257, 300};

    @Test
    void everyVariantMatchesTheTripleLoop() {
        UniformRandomProvider rng = RandomStreams.create(7);
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                for (int m : SIZES) {
                    for (int n : new int[] {0, 1, 6, 64, 270}) {
                        for (int k : new int[] {0, 1, 7, 64, 261}) {
                            if ((long) m * n * k > 1_500_000) {
                                continue;
                            }
                            check(ta, tb, m, n, k, rng);
                        }
                    }
                }
            }
        }
    }

    private static void check(boolean ta, boolean tb, int m, int n, int k, UniformRandomProvider rng) {
        double[] a = random(m * k, rng);
        double[] b = random(k * n, rng);
        double[] c = random(m * n, rng);
        double[] expected = tripleLoop(ta, tb, m, n, k, a, b, c);
        Gemm.gemm(ta, tb, m, n, k, a, b, c);
        assertClose(c, expected, TOLERANCE * Math.max(1, k), "ta=" + ta + " tb=" + tb + " m=" + m + " n=" + n + " k=" + k);
    }

    /** {@code C + op(A) op(B)} by the textbook triple loop, in a new array. */
    static double[] tripleLoop(boolean ta, boolean tb, int m, int n, int k, double[] a, double[] b, double[] c) {
        double[] expected = c.clone();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    double x = ta ? a[p * m + i] : a[i * k + p];
                    double y = tb ? b[j * k + p] : b[p * n + j];
                    s += x * y;
                }
                expected[i * n + j] += s;
            }
        }
        return expected;
    }

    static void assertClose(double[] actual, double[] expected, double tolerance, String what) {
        for (int q = 0; q < actual.length; q++) {
            assertThat(actual[q]).as("%s entry %d", what, q)
                    .isCloseTo(expected[q], org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    @Test
    void rowRangesGiveTheSameBitsAsOneCall() {
        UniformRandomProvider rng = RandomStreams.create(8);
        int m = 37;
        int n = 300;
        int k = 270;
        double[] a = random(m * k, rng);
        double[] b = random(k * n, rng);
        double[] whole = new double[m * n];
        Gemm.gemm(false, false, m, n, k, a, b, whole);
        double[] pieces = new double[m * n];
        Gemm.gemmRows(0, 13, n, k, a, b, pieces);
        Gemm.gemmRows(13, 30, n, k, a, b, pieces);
        Gemm.gemmRows(30, m, n, k, a, b, pieces);
        assertThat(pieces).isEqualTo(whole);
    }

    @Test
    void bothOrientationsGiveTheSameBits() {
        // m > n runs as C^T = B^T A^T; row ranges always run as C = A B: the same sums in the same order
        UniformRandomProvider rng = RandomStreams.create(9);
        int m = 300;
        int n = 37;
        int k = 270;
        double[] a = random(m * k, rng);
        double[] b = random(k * n, rng);
        double[] transposed = new double[m * n];
        Gemm.gemm(false, false, m, n, k, a, b, transposed);
        double[] direct = new double[m * n];
        Gemm.gemmRows(0, m, n, k, a, b, direct);
        assertThat(transposed).isEqualTo(direct);
    }

    @Test
    void transposeSwapsRowsAndColumns() {
        double[] src = {1, 2, 3, 4, 5, 6};
        assertThat(Gemm.transpose(src, 2, 3, new double[6])).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void refusesAnAliasedOutputAndShortArrays() {
        double[] x = new double[4];
        assertThatThrownBy(() -> Gemm.gemm(false, false, 2, 2, 2, x, new double[4], x))
                .hasMessageContaining("alias");
        assertThatThrownBy(() -> Gemm.gemm(false, false, 2, 2, 3, x, new double[6], new double[4]))
                .hasMessageContaining("too short");
    }

    static double[] random(int size, UniformRandomProvider rng) {
        double[] d = new double[size];
        for (int i = 0; i < size; i++) {
            d[i] = 2 * rng.nextDouble() - 1;
        }
        return d;
    }
}
