package org.hdbn.autodiff.tape;

/**
 * {@code C += op(A) op(B)} for row-major matrices, where op transposes on request. The caller
 * gives the logical sizes: op(A) is m x k, op(B) is k x n, C is m x n. C must not alias A or B.
 * Loop orders keep the innermost loop on contiguous memory so the JIT can vectorise it.
 */
final class MatMul {

    private MatMul() {
    }

    static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
        if (!transA && !transB) {
            for (int i = 0; i < m; i++) {
                int ci = i * n;
                for (int p = 0; p < k; p++) {
                    double aip = a[i * k + p];
                    int bp = p * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += aip * b[bp + j];
                    }
                }
            }
        } else if (!transA) {
            // B is stored n x k: each C entry is a dot product of two contiguous rows.
            for (int i = 0; i < m; i++) {
                int ai = i * k;
                for (int j = 0; j < n; j++) {
                    int bj = j * k;
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += a[ai + p] * b[bj + p];
                    }
                    c[i * n + j] += s;
                }
            }
        } else if (!transB) {
            // A is stored k x m.
            for (int p = 0; p < k; p++) {
                int ap = p * m;
                int bp = p * n;
                for (int i = 0; i < m; i++) {
                    double api = a[ap + i];
                    int ci = i * n;
                    for (int j = 0; j < n; j++) {
                        c[ci + j] += api * b[bp + j];
                    }
                }
            }
        } else {
            // A is stored k x m, B is stored n x k.
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += a[p * m + i] * b[j * k + p];
                    }
                    c[i * n + j] += s;
                }
            }
        }
    }
}
