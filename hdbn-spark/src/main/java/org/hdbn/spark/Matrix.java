package org.hdbn.spark;

import java.io.Serializable;
import org.hdbn.tensor.Tensor;

/**
 * A row-major matrix that crosses the wire: {@link Tensor} is not {@link Serializable}, so what is
 * broadcast or shipped to an executor is this, turned back into a tensor there.
 *
 * @param data row-major values
 * @param rows number of rows
 * @param cols number of columns
 */
record Matrix(double[] data, int rows, int cols) implements Serializable {

    static Matrix of(Tensor t) {
        return new Matrix(t.data(), t.rows(), t.cols());
    }

    /** Rows {@code [from, to)} of {@code t}, copied. */
    static Matrix rows(Tensor t, int from, int to) {
        int d = t.cols();
        return new Matrix(java.util.Arrays.copyOfRange(t.data(), from * d, to * d), to - from, d);
    }

    Tensor tensor() {
        return Tensor.of(data, rows, cols);
    }
}
