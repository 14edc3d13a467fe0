package org.hdbn.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.Arrays;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.Shape;
import org.hdbn.tensor.Tensor;

/**
 * One pass on PyTorch: every op runs at once on float64 arrays owned by this scope's
 * {@link NDManager}, and PyTorch's autograd records it while a DJL {@link GradientCollector} is
 * open (training scopes only). {@link #close()} frees every native array of the pass.
 *
 * <p>Two departures from plain PyTorch keep the tape engine's contract. A row-sparse parameter
 * read through {@link #gather} becomes a leaf of its own, built from the gathered rows in Java, so
 * its gradient reaches {@link Parameter#accumulateRows} and the full table never leaves the heap.
 * And {@link #log1p}, {@link #softplus} and {@link #logSigmoid} take their values from
 * {@link StableFunctions} and their derivatives from the formula, attached by
 * {@link #withDerivative}.
 */
final class DjlGraph implements Graph {

    private final boolean recording;
    private final NDManager manager;
    private final GradientCollector collector;
    private final ParameterGradients gradients = new ParameterGradients();
    private boolean backwardDone;
    private boolean closed;

    DjlGraph(Engine engine, boolean recording) {
        this.recording = recording;
        this.manager = engine.newBaseManager();
        GradientCollector c = null;
        if (recording) {
            try {
                c = engine.newGradientCollector();
            } catch (IllegalStateException e) {
                manager.close();
                throw new IllegalStateException("the '" + DjlEngine.NAME + "' engine records one training scope at "
                        + "a time in a JVM (DJL's PyTorch gradient collector is process-wide); close the open one first",
                        e);
            }
        }
        this.collector = c;
    }

    @Override
    public boolean recordsGradients() {
        return recording;
    }

    // ---- leaves ----

    @Override
    public Var constant(Tensor value) {
        checkOpen();
        return DjlVar.computed(this, create(value.data(), value.shape()), false);
    }

    @Override
    public Var param(Parameter parameter) {
        checkOpen();
        return gradients.leaf(parameter, p -> DjlVar.leaf(this, p, recording));
    }

    // ---- elementwise ----

    @Override
    public Var add(Var a, Var b) {
        return binary(a, b, NDArray::add);
    }

    @Override
    public Var sub(Var a, Var b) {
        return binary(a, b, NDArray::sub);
    }

    @Override
    public Var mul(Var a, Var b) {
        return binary(a, b, NDArray::mul);
    }

    @Override
    public Var div(Var a, Var b) {
        return binary(a, b, NDArray::div);
    }

    private Var binary(Var av, Var bv, BinaryOperator<NDArray> op) {
        DjlVar a = own(av);
        DjlVar b = own(bv);
        Shape.broadcast(a.shape, b.shape); // the tape engine's message for shapes that do not broadcast
        return record(op.apply(nd(a), nd(b)), a, b);
    }

    @Override
    public Var neg(Var x) {
        return unary(x, NDArray::neg);
    }

    @Override
    public Var square(Var x) {
        return unary(x, NDArray::square);
    }

    @Override
    public Var sqrt(Var x) {
        return unary(x, NDArray::sqrt);
    }

    @Override
    public Var exp(Var x) {
        return unary(x, NDArray::exp);
    }

    @Override
    public Var log(Var x) {
        return unary(x, NDArray::log);
    }

    @Override
    public Var relu(Var x) {
        return unary(x, Activation::relu);
    }

    @Override
    public Var sigmoid(Var x) {
        return unary(x, Activation::sigmoid);
    }

    @Override
    public Var tanh(Var x) {
        return unary(x, NDArray::tanh);
    }

    @Override
    public Var log1p(Var x) {
        // d/dx log(1 + x) = 1 / (1 + x)
        return withDerivative(own(x), StableFunctions::log1p, v -> v.add(1).pow(-1));
    }

    @Override
    public Var softplus(Var x) {
        return withDerivative(own(x), StableFunctions::softplus, Activation::sigmoid);
    }

    @Override
    public Var logSigmoid(Var x) {
        // d/dx log sigmoid(x) = sigmoid(-x)
        return withDerivative(own(x), StableFunctions::logSigmoid, v -> Activation.sigmoid(v.neg()));
    }

    private Var unary(Var xv, UnaryOperator<NDArray> op) {
        DjlVar x = own(xv);
        return record(op.apply(nd(x)), x);
    }

    /**
     * {@code f(x)} with the given elementwise derivative: {@code f(x) + (x - stop(x)) * f'(x)},
     * where f and f' see x with its gradient stopped. For finite x and f'(x) the second term is
     * exactly zero, so the value is f's to the last bit, and its derivative with respect to x is f'(x).
     */
    private Var withDerivative(DjlVar x, UnaryOperator<NDArray> f, UnaryOperator<NDArray> derivative) {
        NDArray in = nd(x);
        NDArray stopped = in.stopGradient();
        NDArray value = f.apply(stopped);
        if (!recording || !x.requiresGrad) {
            return record(value, x);
        }
        return record(value.add(in.sub(stopped).mul(derivative.apply(stopped))), x);
    }

    // ---- matrix products and row ops ----

    @Override
    public Var matmul(Var av, boolean ta, Var bv, boolean tb) {
        DjlVar a = own(av);
        DjlVar b = own(bv);
        if (a.shape.length != 2 || b.shape.length != 2) {
            throw new IllegalArgumentException("matmul needs matrices, got " + Arrays.toString(a.shape)
                    + " and " + Arrays.toString(b.shape));
        }
        int k = ta ? a.shape[0] : a.shape[1];
        int kb = tb ? b.shape[1] : b.shape[0];
        if (k != kb) {
            throw new IllegalArgumentException("matmul inner sizes differ: " + Arrays.toString(a.shape)
                    + (ta ? "^T" : "") + " x " + Arrays.toString(b.shape) + (tb ? "^T" : ""));
        }
        NDArray left = ta ? nd(a).transpose() : nd(a);
        NDArray right = tb ? nd(b).transpose() : nd(b);
        return record(left.matMul(right), a, b);
    }

    @Override
    public Var rowDot(Var av, Var bv) {
        DjlVar a = own(av);
        DjlVar b = own(bv);
        if (!Arrays.equals(a.shape, b.shape) || a.shape.length != 2) {
            throw new IllegalArgumentException("rowDot needs two matrices of one shape, got "
                    + Arrays.toString(a.shape) + " and " + Arrays.toString(b.shape));
        }
        return record(nd(a).mul(nd(b)).sum(new int[] {1}), a, b);
    }

    @Override
    public Var softmax(Var x) {
        return unary(x, v -> v.softmax(-1));
    }

    @Override
    public Var logSoftmax(Var x) {
        return unary(x, v -> v.logSoftmax(-1));
    }

    // ---- indexing and layout ----

    @Override
    public Var gather(Var tableVar, int[] rows) {
        DjlVar table = own(tableVar);
        if (table.shape.length == 0) {
            throw new IllegalArgumentException("gather needs a vector or a matrix, got a scalar");
        }
        int tableRows = table.shape[0];
        for (int k = 0; k < rows.length; k++) {
            if (rows[k] < 0 || rows[k] >= tableRows) {
                throw new IndexOutOfBoundsException("gather row " + rows[k] + " at position " + k
                        + " outside a table of " + tableRows + " rows");
            }
        }
        Parameter p = table.parameter;
        if (p != null && p.rowSparse()) {
            return sparseRead(p, rows.clone());
        }
        long[] index = new long[rows.length];
        Arrays.setAll(index, k -> rows[k]);
        return record(nd(table).get(new NDIndex("{}", manager.create(index))), table);
    }

    /** The rows copied from the heap into a new leaf, whose gradient goes to those rows only. */
    private Var sparseRead(Parameter p, int[] rows) {
        Tensor t = p.value();
        int cols = t.cols();
        double[] y = new double[rows.length * cols];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(t.data(), rows[k] * cols, y, k * cols, cols);
        }
        NDArray a = create(y, new int[] {rows.length, cols});
        DjlVar out = DjlVar.computed(this, a, recording);
        if (recording) {
            a.setRequiresGradient(true);
            gradients.sparseRead(p, rows, out);
        }
        return out;
    }

    @Override
    public Var concat(Var... parts) {
        return stack("concat", "row", 0, 1, parts);
    }

    @Override
    public Var concatRows(Var... parts) {
        return stack("concatRows", "column", 1, 0, parts);
    }

    /** Matrices that agree in extent {@code sameAxis}, joined along {@code joinAxis}. */
    private Var stack(String op, String what, int sameAxis, int joinAxis, Var... partVars) {
        if (partVars.length == 0) {
            throw new IllegalArgumentException(op + " of nothing");
        }
        DjlVar[] parts = new DjlVar[partVars.length];
        NDList arrays = new NDList(parts.length);
        for (int p = 0; p < parts.length; p++) {
            parts[p] = own(partVars[p]);
            if (parts[p].shape.length != 2 || parts[p].shape[sameAxis] != parts[0].shape[sameAxis]) {
                throw new IllegalArgumentException(op + " needs matrices with one " + what + " count, part " + p
                        + " has shape " + Arrays.toString(parts[p].shape));
            }
            arrays.add(nd(parts[p]));
        }
        return record(NDArrays.concat(arrays, joinAxis), parts);
    }

    @Override
    public Var columns(Var xv, int from, int to) {
        DjlVar x = own(xv);
        if (x.shape.length != 2 || from < 0 || to > x.shape[1] || from > to) {
            throw new IllegalArgumentException("columns [" + from + ", " + to + ") of shape "
                    + Arrays.toString(x.shape));
        }
        return record(nd(x).get(new NDIndex(":, " + from + ":" + to)), x);
    }

    @Override
    public Var reshape(Var xv, int... shape) {
        DjlVar x = own(xv);
        int[] s = Shape.check(shape);
        if (Shape.size(s) != Shape.size(x.shape)) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(x.shape) + " to "
                    + Arrays.toString(s));
        }
        return record(nd(x).reshape(djlShape(s)), x);
    }

    // ---- reductions ----

    @Override
    public Var sum(Var x) {
        return unary(x, NDArray::sum);
    }

    @Override
    public Var sum(Var xv, int axis) {
        DjlVar x = own(xv);
        if (axis < 0 || axis >= Math.max(1, x.shape.length)) {
            throw new IllegalArgumentException("axis " + axis + " of shape " + Arrays.toString(x.shape));
        }
        if (x.shape.length < 2) {
            return sum(x);
        }
        return record(nd(x).sum(new int[] {axis}), x);
    }

    // ---- the pass ----

    @Override
    public void backward(Var lossVar) {
        DjlVar loss = own(lossVar);
        if (!recording) {
            throw new IllegalStateException("backward() in an inference scope");
        }
        if (backwardDone) {
            throw new IllegalStateException("backward() may be called once per scope");
        }
        if (Shape.size(loss.shape) != 1) {
            throw new IllegalArgumentException("backward() needs a scalar loss, got shape "
                    + Arrays.toString(loss.shape));
        }
        backwardDone = true;
        if (!loss.requiresGrad) {
            return;
        }
        collector.backward(nd(loss));
        gradients.deliver(loss);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        gradients.clear();
        try {
            if (collector != null) {
                collector.close();
            }
        } finally {
            manager.close();
        }
    }

    // ---- helpers ----

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the scope is closed");
        }
    }

    /** Values live in native memory that {@link #close()} frees: reading one afterwards is an error. */
    void checkReadable() {
        if (closed) {
            throw new IllegalStateException("a value of the '" + DjlEngine.NAME + "' engine read after its scope closed");
        }
    }

    private DjlVar own(Var v) {
        if (!(v instanceof DjlVar d) || d.owner != this) {
            throw new IllegalArgumentException("a value from another scope or engine: " + v);
        }
        checkOpen();
        return d;
    }

    /** The var's array, made from the parameter's value on a leaf's first dense use. */
    private NDArray nd(DjlVar v) {
        NDArray a = v.arrayOrNull();
        if (a == null) {
            a = create(v.parameter.value().data(), v.shape);
            if (v.requiresGrad) {
                a.setRequiresGradient(true);
            }
            v.setArray(a);
        }
        return a;
    }

    private Var record(NDArray result, DjlVar... parents) {
        boolean needsGrad = false;
        if (recording) {
            for (DjlVar p : parents) {
                needsGrad |= p.requiresGrad;
            }
        }
        return DjlVar.computed(this, result, needsGrad, parents);
    }

    private NDArray create(double[] data, int[] shape) {
        return manager.create(data, djlShape(shape));
    }

    private static ai.djl.ndarray.types.Shape djlShape(int[] shape) {
        long[] dims = new long[shape.length];
        Arrays.setAll(dims, k -> shape[k]);
        return new ai.djl.ndarray.types.Shape(dims);
    }
}
