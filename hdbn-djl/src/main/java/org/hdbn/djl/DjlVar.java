package org.hdbn.djl;

import ai.djl.ndarray.NDArray;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.Tensor;

/**
 * A value of a {@link DjlGraph}: a float64 {@link NDArray} in the scope's manager, or, for a
 * parameter leaf that only {@link DjlGraph#gather} has read so far, no array at all (an embedding
 * table read row by row is never copied to native memory whole).
 *
 * <p>The graph also keeps, beside PyTorch's own autograd record, which values each value was
 * computed from ({@link #parents}) so that {@link DjlGraph#backward} can tell which parameters the
 * loss depends on: PyTorch hands out zeros for a leaf the loss never reached, and a row-sparse
 * parameter must not be marked as densely touched by such zeros.
 */
final class DjlVar implements Var {

    private static final DjlVar[] NONE = {};

    final DjlGraph owner;
    final int[] shape;
    final boolean requiresGrad;
    /** The values this one was computed from; empty when it needs no gradient. */
    final DjlVar[] parents;
    /** Set for a parameter leaf. */
    final Parameter parameter;
    private NDArray array;
    private Tensor value;

    private DjlVar(DjlGraph owner, int[] shape, NDArray array, boolean requiresGrad, DjlVar[] parents,
            Parameter parameter) {
        this.owner = owner;
        this.shape = shape;
        this.array = array;
        this.requiresGrad = requiresGrad;
        this.parents = requiresGrad ? parents : NONE;
        this.parameter = parameter;
    }

    /** An op's result (or a constant, with no parents). */
    static DjlVar computed(DjlGraph owner, NDArray array, boolean requiresGrad, DjlVar... parents) {
        return new DjlVar(owner, shapeOf(array), array, requiresGrad, parents, null);
    }

    /** A parameter leaf; its array is made by {@link DjlGraph} on first dense use. */
    static DjlVar leaf(DjlGraph owner, Parameter parameter, boolean requiresGrad) {
        return new DjlVar(owner, parameter.shape(), null, requiresGrad, NONE, parameter);
    }

    /** The array, or null for a parameter leaf not yet used densely. */
    NDArray arrayOrNull() {
        return array;
    }

    void setArray(NDArray a) {
        array = a;
    }

    @Override
    public int rows() {
        return shape.length == 2 ? shape[0] : 1;
    }

    @Override
    public int cols() {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /**
     * The value: a parameter's own tensor for a leaf, else a copy out of native memory, made once
     * (values never change within a scope). Callers must not write to it.
     */
    @Override
    public Tensor value() {
        if (parameter != null) {
            return parameter.value();
        }
        if (value == null) {
            owner.checkReadable();
            value = Tensor.of(array.toDoubleArray(), shape);
        }
        return value;
    }

    static int[] shapeOf(NDArray a) {
        long[] dims = a.getShape().getShape();
        int[] s = new int[dims.length];
        for (int k = 0; k < dims.length; k++) {
            s[k] = Math.toIntExact(dims[k]);
        }
        return s;
    }
}
