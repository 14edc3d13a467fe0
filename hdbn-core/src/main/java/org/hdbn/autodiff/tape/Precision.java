package org.hdbn.autodiff.tape;

import org.hdbn.param.GradientSink;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.MatrixProducts;
import org.hdbn.tensor.Sums;
import org.hdbn.tensor.Tensor;

/**
 * Where the tape's arrays meet the rest of hdbn, which holds tensors, parameters and gradients in
 * double precision. Every crossing of the tape's code goes through here, so that the
 * single-precision tape is this package's code generated again with {@code float} for
 * {@code double} (see {@code hdbn-core/src/build/FloatTwins.java}), with {@link FloatPrecision}
 * converting where this class hands arrays over as they are.
 */
final class Precision {

    private Precision() {
    }

    /** A constant's values, the tensor's own array. */
    static double[] values(Tensor t) {
        return t.data();
    }

    /** A parameter leaf's values, the parameter's own array. */
    static double[] leafValues(Parameter p) {
        return p.value().data();
    }

    /** The leaf's values, for a leaf that {@link #leafValues} may have left to be read later (never here). */
    static void materialize(TapeVar leaf) {
    }

    /** Copies {@code n} values of a gathered table from {@code from} into {@code y[at]}. */
    static void copyRow(TapeVar table, int from, double[] y, int at, int n) {
        System.arraycopy(table.value, from, y, at, n);
    }

    /** A node's value as a tensor, sharing its array. */
    static Tensor tensor(double[] value, int[] shape) {
        return Tensor.of(value, shape);
    }

    /** The sink's own array for a parameter's gradient, when it offers one. */
    static double[] denseTarget(GradientSink sink, Parameter p) {
        return sink.denseTarget(p);
    }

    /** Adds a leaf's whole gradient to the sink. */
    static void addGradient(GradientSink sink, Parameter p, double[] g) {
        sink.add(p, g);
    }

    /** Adds gradient rows of a gathered row-sparse table to the sink. */
    static void addRows(GradientSink sink, Parameter p, int[] rows, double[] g) {
        sink.addRows(p, rows, g);
    }

    /** {@code C += op(A) op(B)}. */
    static void gemm(MatrixProducts products, boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b,
            double[] c) {
        products.gemm(transA, transB, m, n, k, a, b, c);
    }

    static double sum(double[] x) {
        return Sums.sum(x, 0, x.length);
    }

    static double sumOfSquares(double[] x) {
        return Sums.sumOfSquares(x, 0, x.length);
    }
}
