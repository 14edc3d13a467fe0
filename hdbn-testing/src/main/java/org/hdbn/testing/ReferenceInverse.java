package org.hdbn.testing;

/**
 * The textbook matrix inverse (Gauss-Jordan elimination with partial pivoting), independent of any
 * library: tests compare closed forms computed by the code under test against it.
 */
public final class ReferenceInverse {

    private ReferenceInverse() {
    }

    /** The inverse of a small non-singular square matrix. */
    public static double[][] of(double[][] m) {
        int n = m.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(m[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = a[c];
            a[c] = a[pivot];
            a[pivot] = t;
            double d = a[c][c];
            for (int k = 0; k < 2 * n; k++) {
                a[c][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
