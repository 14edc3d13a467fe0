package org.hdbn.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.random.RandomStreams;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every {@link MatrixProducts} implementation this machine offers (hdbn's kernel, netlib's Java
 * kernels, and the native BLAS when it loads) against the textbook triple loop in every layout,
 * in double and single precision, zero extents included.
 */
class MatrixProductsTest {

    /** Sums of up to 261 products of values in [-1, 1] in float: round-off stays below this per term. */
    static final double FLOAT_TOLERANCE = 1e-5;

    @Test
    void everyImplementationMatchesTheTripleLoop() {
        for (MatrixProducts products : implementations()) {
            UniformRandomProvider rng = RandomStreams.create(11);
            for (boolean ta : new boolean[] {false, true}) {
                for (boolean tb : new boolean[] {false, true}) {
                    for (int m : new int[] {0, 1, 5, 64, 257}) {
                        for (int n : new int[] {0, 1, 9, 64}) {
                            for (int k : new int[] {0, 1, 7, 64, 261}) {
                                check(products, ta, tb, m, n, k, rng);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void productsAtOffsetsMatchTheTripleLoop() {
        for (MatrixProducts products : implementations()) {
            UniformRandomProvider rng = RandomStreams.create(12);
            int m = 13;
            int n = 70;
            int k = 9;
            double[] a = GemmTest.random(5 * k + m * k, rng);
            double[] b = GemmTest.random(k * n, rng);
            double[] c = GemmTest.random(3 + m * n, rng);
            double[] aPart = java.util.Arrays.copyOfRange(a, 5 * k, 5 * k + m * k);
            double[] cPart = java.util.Arrays.copyOfRange(c, 3, 3 + m * n);
            double[] expected = GemmTest.tripleLoop(false, false, m, n, k, aPart, b, cPart);
            double[] before = java.util.Arrays.copyOf(c, 3);
            products.gemmAt(m, n, k, a, 5 * k, b, c, 3);
            GemmTest.assertClose(java.util.Arrays.copyOfRange(c, 3, 3 + m * n), expected, GemmTest.TOLERANCE * k,
                    products.name());
            assertThat(java.util.Arrays.copyOf(c, 3)).as("entries before the offset").isEqualTo(before);
        }
    }

    @Test
    void nativeBlasLoadsWhereInstalled() {
        // visible as skipped on a machine without the system BLAS: the Java kernels then stand in
        Assumptions.assumeTrue(NetlibProducts.nativeLoaded(), "no native BLAS (libblas.so.3) on this machine");
        assertThat(NetlibProducts.nativeBlas().name()).contains("JNIBLAS");
        assertThat(MatrixProducts.preferred()).isEqualTo(MatrixProducts.Choice.NETLIB);
    }

    @Test
    void everyImplementationRefusesAnAliasedOutputAndShortArrays() {
        for (MatrixProducts products : implementations()) {
            double[] x = new double[4];
            assertThatThrownBy(() -> products.gemm(false, false, 2, 2, 2, x, new double[4], x))
                    .hasMessageContaining("alias");
            assertThatThrownBy(() -> products.gemm(false, false, 2, 2, 3, x, new double[6], new double[4]))
                    .hasMessageContaining("too short");
        }
    }

    private static void check(MatrixProducts products, boolean ta, boolean tb, int m, int n, int k,
            UniformRandomProvider rng) {
        double[] a = GemmTest.random(m * k, rng);
        double[] b = GemmTest.random(k * n, rng);
        double[] c = GemmTest.random(m * n, rng);
        String what = products.name() + " ta=" + ta + " tb=" + tb + " m=" + m + " n=" + n + " k=" + k;
        double[] expected = GemmTest.tripleLoop(ta, tb, m, n, k, a, b, c);
        float[] cs = toFloat(c);
        products.sgemm(ta, tb, m, n, k, toFloat(a), toFloat(b), cs);
        products.gemm(ta, tb, m, n, k, a, b, c);
        GemmTest.assertClose(c, expected, GemmTest.TOLERANCE * Math.max(1, k), what);
        double[] single = new double[cs.length];
        for (int i = 0; i < cs.length; i++) {
            single[i] = cs[i];
        }
        GemmTest.assertClose(single, expected, FLOAT_TOLERANCE * Math.max(1, k), what + " (float)");
    }

    private static float[] toFloat(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    static List<MatrixProducts> implementations() {
        List<MatrixProducts> all = new ArrayList<>(List.of(MatrixProducts.Choice.GEMM.create(), NetlibProducts.java()));
        if (NetlibProducts.nativeLoaded()) {
            all.add(NetlibProducts.nativeBlas());
        }
        return all;
    }
}
