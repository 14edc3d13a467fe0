package org.hdbn.tensor;

/**
 * Double-precision products computed in single precision: the operands are rounded to float, the
 * product is summed in float by the wrapped implementation's {@code sgemm}, and the result is added
 * to the double C. It halves the bytes the kernel reads and doubles the SIMD lanes; each entry
 * carries a relative error of about {@code k * 6e-8}. Holds its conversion buffers, so one
 * instance serves one thread at a time.
 */
public final class SinglePrecisionProducts implements MatrixProducts {

    private final MatrixProducts inner;
    private float[] fa = new float[0];
    private float[] fb = new float[0];
    private float[] fc = new float[0];

    public SinglePrecisionProducts(MatrixProducts inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name() + " in single precision";
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
        MatrixProducts.checkSizes(m, n, k, a.length, b.length, c.length, a, b, c);
        product(transA, transB, m, n, k, a, 0, b, c, 0);
    }

    @Override
    public void gemmAt(int m, int n, int k, double[] a, int aOffset, double[] b, double[] c, int cOffset) {
        Gemm.checkOffsets(m, n, k, a, aOffset, b, c, cOffset);
        product(false, false, m, n, k, a, aOffset, b, c, cOffset);
    }

    private void product(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset, double[] b,
            double[] c, int cOffset) {
        fa = rounded(a, aOffset, m * k, fa);
        fb = rounded(b, 0, k * n, fb);
        int size = m * n;
        if (fc.length < size) {
            fc = new float[size];
        } else {
            java.util.Arrays.fill(fc, 0, size, 0f);
        }
        inner.sgemm(transA, transB, m, n, k, fa, fb, fc);
        for (int i = 0; i < size; i++) {
            c[cOffset + i] += fc[i];
        }
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
        inner.sgemm(transA, transB, m, n, k, a, b, c);
    }

    /** {@code size} values of d from {@code from} as floats, in {@code into} when it is long enough. */
    private static float[] rounded(double[] d, int from, int size, float[] into) {
        float[] f = into.length >= size ? into : new float[size];
        for (int i = 0; i < size; i++) {
            f[i] = (float) d[from + i];
        }
        return f;
    }
}
