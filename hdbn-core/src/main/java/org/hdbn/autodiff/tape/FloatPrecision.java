package org.hdbn.autodiff.tape;

import org.hdbn.param.GradientSink;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.MatrixProducts;
import org.hdbn.tensor.Tensor;

/**
 * {@link Precision} for the single-precision tape: values cross into the tape rounded to float and
 * gradients leave it widened to double. Parameters, their gradients and the optimizer's state stay
 * in double (the master copy that mixed-precision training keeps), so a step's update is not lost
 * to float rounding; everything the tape computes in between is float.
 */
final class FloatPrecision {

    private FloatPrecision() {
    }

    static float[] values(Tensor t) {
        return narrow(t.data());
    }

    /**
     * A parameter leaf's values rounded to float; null for a row-sparse table, whose gathers read
     * the rows they need ({@link #copyRow}) and whose other uses round it whole ({@link #materialize}).
     */
    static float[] leafValues(Parameter p) {
        return p.rowSparse() ? null : narrow(p.value().data());
    }

    static void materialize(FloatTapeVar leaf) {
        if (leaf.value == null) {
            leaf.value = narrow(leaf.parameter.value().data());
        }
    }

    static void copyRow(FloatTapeVar table, int from, float[] y, int at, int n) {
        if (table.value != null) {
            System.arraycopy(table.value, from, y, at, n);
            return;
        }
        double[] source = table.parameter.value().data();
        for (int k = 0; k < n; k++) {
            y[at + k] = (float) source[from + k];
        }
    }

    /** A node's value as a tensor, widened to a new double array. */
    static Tensor tensor(float[] value, int[] shape) {
        return Tensor.of(widen(value), shape);
    }

    /** None: the gradient accumulates in float and is added at the end ({@link #addGradient}). */
    static float[] denseTarget(GradientSink sink, Parameter p) {
        return null;
    }

    /** Adds the float gradient to the sink's array in place where it offers one, else widened. */
    static void addGradient(GradientSink sink, Parameter p, float[] g) {
        double[] target = sink.denseTarget(p);
        if (target == null) {
            sink.add(p, widen(g));
            return;
        }
        for (int k = 0; k < g.length; k++) {
            target[k] += g[k];
        }
    }

    static void addRows(GradientSink sink, Parameter p, int[] rows, float[] g) {
        sink.addRows(p, rows, widen(g));
    }

    /** {@code C += op(A) op(B)} in single precision. */
    static void gemm(MatrixProducts products, boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b,
            float[] c) {
        products.sgemm(transA, transB, m, n, k, a, b, c);
    }

    /** The sum, accumulated in double and rounded once. */
    static float sum(float[] x) {
        return (float) sumOf(x, false);
    }

    /** The sum of squares, accumulated in double and rounded once. */
    static float sumOfSquares(float[] x) {
        return (float) sumOf(x, true);
    }

    /** In four running sums, so that no addition waits on the one before (a fixed order, so fixed bits). */
    private static double sumOf(float[] x, boolean squares) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < x.length; k += 4) {
            double a = x[k];
            double b = x[k + 1];
            double c = x[k + 2];
            double d = x[k + 3];
            s0 += squares ? a * a : a;
            s1 += squares ? b * b : b;
            s2 += squares ? c * c : c;
            s3 += squares ? d * d : d;
        }
        for (; k < x.length; k++) {
            double a = x[k];
            s0 += squares ? a * a : a;
        }
        return (s0 + s1) + (s2 + s3);
    }

    static float[] narrow(double[] v) {
        float[] f = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            f[k] = (float) v[k];
        }
        return f;
    }

    static double[] widen(float[] v) {
        double[] d = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            d[k] = v[k];
        }
        return d;
    }
}
