package org.hdbn.tensor;

/**
 * Dense matrix products on row-major {@code double[]}: {@code C += op(A) op(B)} where op transposes
 * on request. The caller gives the logical sizes: op(A) is m x k, op(B) is k x n, C is m x n.
 * Modifies only C, which must not alias A or B.
 *
 * <p>One kernel does the work: it walks C four rows at a time and the inner dimension four at a
 * time, so each pass of the innermost loop (over contiguous columns of C and of B, which the JIT
 * vectorises) reads four rows of B for four rows of C, and it tiles the inner and column dimensions
 * so that the block of B in use stays in cache. A transposed A is read in place (only its scalars
 * are read); a transposed B is first copied to row-major order, which costs k*n against m*n*k.
 * The summation order depends on the sizes only, never on the caller or the thread.
 */
public final class Gemm {

    /** Columns of C and B per tile: four rows of C and four of B stay in the first-level cache. */
    static final int COLUMN_TILE = 256;
    /** Inner-dimension steps per tile: a 256 x 256 block of B (512 KB) stays in the second-level cache. */
    static final int INNER_TILE = 256;

    private Gemm() {
    }

    /** {@code C += op(A) op(B)}; see the class comment for the sizes. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
        checkSizes(transA, transB, m, n, k, a, b, c);
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        double[] rowMajorB = transB ? transpose(b, n, k, new double[k * n]) : b;
        if (transA) {
            kernel(0, m, n, k, a, 1, m, rowMajorB, c);
        } else {
            kernel(0, m, n, k, a, k, 1, rowMajorB, c);
        }
    }

    /**
     * Rows {@code [rowFrom, rowTo)} of {@code C += A B}, A row-major m x k, B row-major k x n:
     * disjoint row ranges can run on separate threads and give the same C as one call.
     */
    public static void gemmRows(int rowFrom, int rowTo, int n, int k, double[] a, double[] b, double[] c) {
        kernel(rowFrom, rowTo, n, k, a, k, 1, b, c);
    }

    /** {@code dst = src^T} for src row-major rows x cols; returns dst (cols x rows). */
    public static double[] transpose(double[] src, int rows, int cols, double[] dst) {
        // in square tiles, so both sides are read and written in cache-sized pieces
        final int tile = 32;
        for (int i0 = 0; i0 < rows; i0 += tile) {
            int i1 = Math.min(rows, i0 + tile);
            for (int j0 = 0; j0 < cols; j0 += tile) {
                int j1 = Math.min(cols, j0 + tile);
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        dst[j * rows + i] = src[i * cols + j];
                    }
                }
            }
        }
        return dst;
    }

    /**
     * C rows {@code [rowFrom, rowTo)} += A B with B row-major k x n and A read through strides:
     * A(i, p) is {@code a[i * rowStride + p * innerStride]}.
     */
    private static void kernel(int from, int to, int n, int k, double[] a, int rowStride, int innerStride,
            double[] b, double[] c) {
        for (int p0 = 0; p0 < k; p0 += INNER_TILE) {
            int p1 = Math.min(k, p0 + INNER_TILE);
            for (int j0 = 0; j0 < n; j0 += COLUMN_TILE) {
                int j1 = Math.min(n, j0 + COLUMN_TILE);
                int i = from;
                for (; i + 3 < to; i += 4) {
                    fourRows(i, p0, p1, j0, j1, n, a, rowStride, innerStride, b, c);
                }
                for (; i < to; i++) {
                    oneRow(i, p0, p1, j0, j1, n, a, rowStride, innerStride, b, c);
                }
            }
        }
    }

    private static void fourRows(int i, int p0, int p1, int j0, int j1, int n, double[] a, int rs, int is,
            double[] b, double[] c) {
        int c0 = i * n;
        int c1 = c0 + n;
        int c2 = c1 + n;
        int c3 = c2 + n;
        int p = p0;
        for (; p + 3 < p1; p += 4) {
            int a0 = i * rs + p * is;
            int a1 = a0 + rs;
            int a2 = a1 + rs;
            int a3 = a2 + rs;
            double x0 = a[a0];
            double x1 = a[a0 + is];
            double x2 = a[a0 + 2 * is];
            double x3 = a[a0 + 3 * is];
            double y0 = a[a1];
            double y1 = a[a1 + is];
            double y2 = a[a1 + 2 * is];
            double y3 = a[a1 + 3 * is];
            double z0 = a[a2];
            double z1 = a[a2 + is];
            double z2 = a[a2 + 2 * is];
            double z3 = a[a2 + 3 * is];
            double w0 = a[a3];
            double w1 = a[a3 + is];
            double w2 = a[a3 + 2 * is];
            double w3 = a[a3 + 3 * is];
            int b0 = p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = j0; j < j1; j++) {
                double v0 = b[b0 + j];
                double v1 = b[b1 + j];
                double v2 = b[b2 + j];
                double v3 = b[b3 + j];
                c[c0 + j] += x0 * v0 + x1 * v1 + x2 * v2 + x3 * v3;
                c[c1 + j] += y0 * v0 + y1 * v1 + y2 * v2 + y3 * v3;
                c[c2 + j] += z0 * v0 + z1 * v1 + z2 * v2 + z3 * v3;
                c[c3 + j] += w0 * v0 + w1 * v1 + w2 * v2 + w3 * v3;
            }
        }
        for (; p < p1; p++) {
            double x = a[i * rs + p * is];
            double y = a[(i + 1) * rs + p * is];
            double z = a[(i + 2) * rs + p * is];
            double w = a[(i + 3) * rs + p * is];
            int bp = p * n;
            for (int j = j0; j < j1; j++) {
                double v = b[bp + j];
                c[c0 + j] += x * v;
                c[c1 + j] += y * v;
                c[c2 + j] += z * v;
                c[c3 + j] += w * v;
            }
        }
    }

    private static void oneRow(int i, int p0, int p1, int j0, int j1, int n, double[] a, int rs, int is,
            double[] b, double[] c) {
        int c0 = i * n;
        int a0 = i * rs;
        int p = p0;
        for (; p + 3 < p1; p += 4) {
            double x0 = a[a0 + p * is];
            double x1 = a[a0 + (p + 1) * is];
            double x2 = a[a0 + (p + 2) * is];
            double x3 = a[a0 + (p + 3) * is];
            int b0 = p * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int j = j0; j < j1; j++) {
                c[c0 + j] += x0 * b[b0 + j] + x1 * b[b1 + j] + x2 * b[b2 + j] + x3 * b[b3 + j];
            }
        }
        for (; p < p1; p++) {
            double x = a[a0 + p * is];
            int bp = p * n;
            for (int j = j0; j < j1; j++) {
                c[c0 + j] += x * b[bp + j];
            }
        }
    }

    private static void checkSizes(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b,
            double[] c) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative size: m " + m + ", n " + n + ", k " + k);
        }
        if ((long) m * k > a.length || (long) k * n > b.length || (long) m * n > c.length) {
            throw new IllegalArgumentException("arrays too short for m " + m + ", n " + n + ", k " + k + ": A "
                    + a.length + (transA ? " (transposed)" : "") + ", B " + b.length + (transB ? " (transposed)" : "")
                    + ", C " + c.length);
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("C must not alias A or B");
        }
    }
}
