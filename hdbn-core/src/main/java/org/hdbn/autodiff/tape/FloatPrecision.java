package org.hdbn.autodiff.tape;

import org.hdbn.param.GradientSink;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStorage;
import org.hdbn.tensor.MatrixProducts;
import org.hdbn.tensor.Sums;
import org.hdbn.tensor.Tensor;

/**
 * {@link Precision} for the single-precision tape. A parameter {@linkplain ParameterStorage#FLOAT
 * stored in float} (as the trainer stores them for this engine) crosses as it is: its leaf is its
 * float values, and its gradient is added to the sink's float arrays. Constants, and parameters
 * stored in double (a pass opened outside a trainer), cross rounded to float, their gradients
 * widened back to double.
 */
final class FloatPrecision {

    private FloatPrecision() {
    }

    static float[] values(Tensor t) {
        return narrow(t.data());
    }

    /**
     * A parameter leaf's values: a float-stored parameter's own; else rounded to float, or null for a
     * row-sparse table, whose gathers read the rows they need ({@link #copyRow}) and whose other uses
     * round it whole ({@link #materialize}).
     */
    static float[] leafValues(Parameter p) {
        if (p.storage() == ParameterStorage.FLOAT) {
            return p.floatValue();
        }
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

    /**
     * The sink's float array for a float-stored parameter; else none: the gradient accumulates in
     * float and is added at the end ({@link #addGradient}).
     */
    static float[] denseTarget(GradientSink sink, Parameter p) {
        return sink.floatTarget(p);
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
        sink.addRows(p, rows, g);
    }

    /** {@code C += op(A) op(B)} in single precision. */
    static void gemm(MatrixProducts products, boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b,
            float[] c) {
        products.sgemm(transA, transB, m, n, k, a, b, c);
    }

    /** The sum, accumulated in double and rounded once. */
    static float sum(float[] x) {
        return (float) Sums.sumOf(x, 0, x.length, false);
    }

    /** The sum of squares, accumulated in double and rounded once. */
    static float sumOfSquares(float[] x) {
        return (float) Sums.sumOf(x, 0, x.length, true);
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
