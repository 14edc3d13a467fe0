package org.hdbn.autodiff;

import org.hdbn.tensor.Tensor;

/**
 * A value recorded by a {@link Graph}: the handle through which blocks pass intermediate results.
 * Its meaning is owned by the graph that made it; using it in another graph is an error.
 */
public interface Var {

    /** A copy of the shape. */
    int[] shape();

    /** The value, as a tensor (an engine that keeps values elsewhere copies them out). */
    Tensor value();

    /** The number of rows when seen as a matrix (a vector is one row). */
    default int rows() {
        int[] s = shape();
        return s.length == 2 ? s[0] : 1;
    }

    /** The number of columns when seen as a matrix. */
    default int cols() {
        int[] s = shape();
        return s.length == 0 ? 1 : s[s.length - 1];
    }
}
