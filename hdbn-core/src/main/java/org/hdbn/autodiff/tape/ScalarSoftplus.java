package org.hdbn.autodiff.tape;

/** The softplus loops one entry at a time ({@link SoftplusMath}): the same bits on every JVM, and as {@link VectorSoftplus}. */
final class ScalarSoftplus implements SoftplusLoops {

    static final ScalarSoftplus INSTANCE = new ScalarSoftplus();

    private ScalarSoftplus() {
    }

    @Override
    public void forward(double[] x, double[] y) {
        for (int k = 0; k < x.length; k++) {
            y[k] = SoftplusMath.softplus(x[k]);
        }
    }

    @Override
    public void backward(double[] x, double[] y, double[] g, double[] gx) {
        for (int k = 0; k < x.length; k++) {
            gx[k] += SoftplusMath.gradient(x[k], y[k], g[k]);
        }
    }

    @Override
    public String name() {
        return "scalar (SoftplusMath one entry at a time)";
    }
}
