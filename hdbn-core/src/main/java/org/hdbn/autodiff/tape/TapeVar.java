package org.hdbn.autodiff.tape;

import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.Tensor;

/** A value on the tape: its data, its gradient (allocated on first use) and its backward step. */
final class TapeVar implements Var {

    /** Adds this node's contribution to its parents' gradients, given its own gradient. */
    @FunctionalInterface
    interface Backward {
        void run(double[] grad);
    }

    final TapeGraph owner;
    final int[] shape;
    /**
     * The values; set once, at construction, except that a single-precision leaf of a row-sparse
     * table is filled on its first use other than a gather (see {@link Precision#materialize}).
     */
    double[] value;
    final boolean requiresGrad;
    final Parameter parameter;
    Backward backward;
    private double[] grad;
    private boolean inSink;

    TapeVar(TapeGraph owner, int[] shape, double[] value, boolean requiresGrad, Parameter parameter) {
        this.owner = owner;
        this.shape = shape;
        this.value = value;
        this.requiresGrad = requiresGrad;
        this.parameter = parameter;
    }

    /**
     * The gradient buffer, created on first use: for a parameter leaf the sink's array when it
     * offers one (the gradient then lands in place), else zeros.
     */
    double[] grad() {
        if (grad == null) {
            double[] target = parameter == null ? null : Precision.denseTarget(owner.sink(), parameter);
            inSink = target != null;
            grad = inSink ? target : owner.zeroedGradient(value.length);
        }
        return grad;
    }

    /** Whether the gradient was added in place to the sink's array (so it must not be added again). */
    boolean gradInSink() {
        return inSink;
    }

    /** Gives up the gradient array (an inner node's, after its backward step); returns it. */
    double[] releaseGrad() {
        double[] g = grad;
        grad = null;
        return g;
    }

    boolean hasGrad() {
        return grad != null;
    }

    double[] gradOrNull() {
        return grad;
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

    /** The value, sharing this node's array: callers must not write to it. */
    @Override
    public Tensor value() {
        Precision.materialize(this);
        return Precision.tensor(value, shape);
    }
}
