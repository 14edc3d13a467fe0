package org.hdbn.tensor;

import java.util.Arrays;

/**
 * Dense matrix products on row-major {@code double[]}: {@code C += op(A) op(B)} where op transposes
 * on request. The caller gives the logical sizes: op(A) is m x k, op(B) is k x n, C is m x n.
 * Modifies only C, which must not alias A or B.
 *
 * <p>One kernel does the work, written for what the JIT vectorises: it copies a tile of op(B)
 * (up to {@value #INNER_TILE} rows by {@value #COLUMN_TILE} columns) into separate row arrays, then
 * for each row of C sums four B rows at a time, scaled by four entries of A, into a zero-based
 * accumulator row, and adds the accumulator to C. HotSpot's C2 compiler (JDK 17) vectorises that
 * inner loop only when every array in it is indexed by the loop variable alone and the loop body is
 * small: a loop over offsets into shared arrays, or one updating several rows of C at once, runs
 * scalar at a third of the speed. When C has more rows than columns it computes C^T = op(B)^T op(A)^T
 * instead, so that the vectorised loop runs along the longer side; either way each entry of C is
 * the same sum of the same products in the same order. Transposed operands are read in place (A's
 * scalars) or while copying (B's tiles). Rows of C are computed independently, and the summation
 * order depends on the sizes only.
 */
public final class Gemm {

    /** Columns per tile: the accumulator and four B rows (10 KB) stay in the first-level cache. */
    static final int COLUMN_TILE = 256;
    /** B rows per tile: a 256 x 256 tile (512 KB) stays in the second-level cache. */
    static final int INNER_TILE = 256;

    private Gemm() {
    }

    /**
     * Scratch arrays for the kernel (a copied tile of B and an accumulator row), kept by a caller
     * that multiplies many times (a tape keeps one per pass) so that each product does not
     * allocate them. One thread at a time.
     */
    public static final class Workspace {

        private double[][] tile = new double[0][];
        private double[] acc = new double[0];

        double[][] tile(int rows, int cols) {
            if (tile.length < rows || (rows > 0 && tile[0].length < cols)) {
                int r = Math.max(rows, tile.length);
                int c = Math.max(cols, tile.length == 0 ? 0 : tile[0].length);
                tile = new double[r][c];
            }
            return tile;
        }

        double[] acc(int cols) {
            if (acc.length < cols) {
                acc = new double[cols];
            }
            return acc;
        }
    }

    /** {@code C += op(A) op(B)}; see the class comment for the sizes. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
        gemm(transA, transB, m, n, k, a, b, c, new Workspace());
    }

    /** {@link #gemm(boolean, boolean, int, int, int, double[], double[], double[])} with the caller's scratch arrays. */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c,
            Workspace ws) {
        MatrixProducts.checkSizes(m, n, k, a.length, b.length, c.length, a, b, c);
        // op(A)(i, p) = a[i * ars + p * ais], op(B)(p, j) = b[p * bis + j * bcs]
        int ars = transA ? 1 : k;
        int ais = transA ? m : 1;
        int bis = transB ? 1 : n;
        int bcs = transB ? k : 1;
        if (m > n) {
            // C^T = op(B)^T op(A)^T: the vectorised loop runs along the longer side of C; every
            // entry is the same sum of the same products in the same order as the other way round
            kernel(0, n, m, k, b, 0, bcs, bis, a, ais, ars, c, 0, 1, n, ws);
        } else {
            kernel(0, m, n, k, a, 0, ars, ais, b, bis, bcs, c, 0, n, 1, ws);
        }
    }

    /**
     * Rows {@code [rowFrom, rowTo)} of {@code C += A B}, A row-major m x k, B row-major k x n:
     * disjoint row ranges can run on separate threads and give the same C as one call.
     */
    public static void gemmRows(int rowFrom, int rowTo, int n, int k, double[] a, double[] b, double[] c) {
        kernel(rowFrom, rowTo, n, k, a, 0, k, 1, b, n, 1, c, 0, n, 1, new Workspace());
    }

    /**
     * {@code C += A B} on parts of larger arrays: A is the m x k row-major matrix starting at
     * {@code a[aOffset]}, B row-major k x n, C the m x n row-major matrix starting at {@code c[cOffset]}.
     */
    public static void gemmAt(int m, int n, int k, double[] a, int aOffset, double[] b, double[] c, int cOffset) {
        gemmAt(m, n, k, a, aOffset, b, c, cOffset, new Workspace());
    }

    /** {@link #gemmAt(int, int, int, double[], int, double[], double[], int)} with the caller's scratch arrays. */
    public static void gemmAt(int m, int n, int k, double[] a, int aOffset, double[] b, double[] c, int cOffset,
            Workspace ws) {
        checkOffsets(m, n, k, a, aOffset, b, c, cOffset);
        kernel(0, m, n, k, a, aOffset, k, 1, b, n, 1, c, cOffset, n, 1, ws);
    }

    /** The checks of {@code gemmAt}: sizes and offsets fit the arrays, C aliases neither input. */
    static void checkOffsets(int m, int n, int k, double[] a, int aOffset, double[] b, double[] c, int cOffset) {
        if (m < 0 || n < 0 || k < 0 || aOffset < 0 || cOffset < 0 || aOffset + (long) m * k > a.length
                || (long) k * n > b.length || cOffset + (long) m * n > c.length) {
            throw new IllegalArgumentException("gemmAt: m " + m + ", n " + n + ", k " + k + " from offsets " + aOffset
                    + " and " + cOffset + " do not fit arrays of " + a.length + ", " + b.length + ", " + c.length);
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("C must not alias A or B");
        }
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
     * Rows {@code [from, to)} of {@code C += A B} where A(i, p) = {@code a[aOff + i * ars + p * ais]},
     * B(p, j) = {@code b[p * bis + j * bcs]} (k x n) and C(i, j) = {@code c[cOff + i * crs + j * ccs]}.
     */
    private static void kernel(int from, int to, int n, int k, double[] a, int aOff, int ars, int ais,
            double[] b, int bis, int bcs, double[] c, int cOff, int crs, int ccs, Workspace ws) {
        if (from >= to || n == 0 || k == 0) {
            return;
        }
        double[][] tile = ws.tile(Math.min(k, INNER_TILE), Math.min(n, COLUMN_TILE));
        double[] acc = ws.acc(Math.min(n, COLUMN_TILE));
        for (int j0 = 0; j0 < n; j0 += COLUMN_TILE) {
            int w = Math.min(COLUMN_TILE, n - j0);
            for (int p0 = 0; p0 < k; p0 += INNER_TILE) {
                int depth = Math.min(INNER_TILE, k - p0);
                copyTile(b, bis, bcs, p0, depth, j0, w, tile);
                for (int i = from; i < to; i++) {
                    Arrays.fill(acc, 0, w, 0.0);
                    int ai = aOff + i * ars + p0 * ais;
                    int p = 0;
                    for (; p + 3 < depth; p += 4) {
                        int q = ai + p * ais;
                        addFour(acc, tile[p], tile[p + 1], tile[p + 2], tile[p + 3], a[q], a[q + ais],
                                a[q + 2 * ais], a[q + 3 * ais], w);
                    }
                    for (; p < depth; p++) {
                        addOne(acc, tile[p], a[ai + p * ais], w);
                    }
                    int ci = cOff + i * crs + j0 * ccs;
                    if (ccs == 1) {
                        for (int j = 0; j < w; j++) {
                            c[ci + j] += acc[j];
                        }
                    } else {
                        for (int j = 0; j < w; j++) {
                            c[ci + j * ccs] += acc[j];
                        }
                    }
                }
            }
        }
    }

    /** Rows {@code [p0, p0 + depth)}, columns {@code [j0, j0 + w)} of B into separate row arrays. */
    private static void copyTile(double[] b, int bis, int bcs, int p0, int depth, int j0, int w, double[][] tile) {
        for (int p = 0; p < depth; p++) {
            double[] row = tile[p];
            int from = (p0 + p) * bis + j0 * bcs;
            if (bcs == 1) {
                System.arraycopy(b, from, row, 0, w);
            } else {
                for (int j = 0; j < w; j++) {
                    row[j] = b[from + j * bcs];
                }
            }
        }
    }

    /** {@code acc += x0 b0 + x1 b1 + x2 b2 + x3 b3} over the first w entries: the vectorised loop. */
    private static void addFour(double[] acc, double[] b0, double[] b1, double[] b2, double[] b3, double x0,
            double x1, double x2, double x3, int w) {
        for (int j = 0; j < w; j++) {
            acc[j] += x0 * b0[j] + x1 * b1[j] + x2 * b2[j] + x3 * b3[j];
        }
    }

    private static void addOne(double[] acc, double[] b0, double x, int w) {
        for (int j = 0; j < w; j++) {
            acc[j] += x * b0[j];
        }
    }
}
