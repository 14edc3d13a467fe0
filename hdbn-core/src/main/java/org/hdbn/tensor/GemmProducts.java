package org.hdbn.tensor;

/**
 * {@link MatrixProducts} by hdbn's own kernel ({@link Gemm}) with scratch arrays of its own: one
 * thread at a time. Single precision goes to netlib's Java kernels (hdbn has no float kernel).
 */
final class GemmProducts implements MatrixProducts {

    private final Gemm.Workspace workspace = new Gemm.Workspace();
    private NetlibProducts single;

    @Override
    public String name() {
        return "gemm";
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
        Gemm.gemm(transA, transB, m, n, k, a, b, c, workspace);
    }

    @Override
    public void gemmAt(int m, int n, int k, double[] a, int aOffset, double[] b, double[] c, int cOffset) {
        Gemm.gemmAt(m, n, k, a, aOffset, b, c, cOffset, workspace);
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
        if (single == null) {
            single = NetlibProducts.java();
        }
        single.sgemm(transA, transB, m, n, k, a, b, c);
    }
}
