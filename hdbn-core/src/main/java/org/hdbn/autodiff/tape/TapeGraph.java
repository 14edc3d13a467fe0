package org.hdbn.autodiff.tape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.GradientSink;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.MatrixProducts;
import org.hdbn.tensor.Shape;
import org.hdbn.tensor.Tensor;

/**
 * The reverse-mode tape: every op computes its value at once and, when recording, appends a node
 * with its backward step. Nodes are appended in creation order, which is a topological order, so
 * {@link #backward(Var)} walks the tape from the end without recursion; gradients accumulate with
 * {@code +=}, so a value used twice receives both contributions.
 */
final class TapeGraph implements Graph {

    private final boolean recording;
    private final GradientSink sink;
    private final List<TapeVar> tape = new ArrayList<>();
    private final Map<Parameter, TapeVar> leaves = new IdentityHashMap<>();
    private final Map<TapeVar, TapeVar[]> leafFunctions = new IdentityHashMap<>();
    private final SpareArrays spare = new SpareArrays();
    private boolean backwardDone;
    private boolean closed;
    private long matmulFlops;
    private final MatrixProducts products;

    TapeGraph(boolean recording, GradientSink sink, MatrixProducts products) {
        this.recording = recording;
        this.sink = sink;
        this.products = products;
    }

    @Override
    public boolean recordsGradients() {
        return recording;
    }

    // ---- leaves ----

    @Override
    public Var constant(Tensor value) {
        return new TapeVar(this, value.shape(), Precision.values(value), false, null);
    }

    @Override
    public Var param(Parameter parameter) {
        checkOpen();
        return leaves.computeIfAbsent(parameter, p -> {
            // the shape, not the value: a float-stored parameter's double copy is refreshed only when read
            TapeVar leaf = new TapeVar(this, p.shape(), Precision.leafValues(p), recording, p);
            if (recording) {
                tape.add(leaf);
            }
            return leaf;
        });
    }

    // ---- elementwise ----

    @Override
    public Var add(Var a, Var b) {
        return binary(Elementwise.ADD, a, b);
    }

    @Override
    public Var sub(Var a, Var b) {
        return binary(Elementwise.SUB, a, b);
    }

    @Override
    public Var mul(Var a, Var b) {
        return binary(Elementwise.MUL, a, b);
    }

    @Override
    public Var div(Var a, Var b) {
        return binary(Elementwise.DIV, a, b);
    }

    private Var binary(Elementwise op, Var av, Var bv) {
        TapeVar a = own(av);
        TapeVar b = own(bv);
        int[] shape = Shape.broadcast(a.shape, b.shape);
        int rows = Shape.rows(shape);
        int cols = Shape.cols(shape);
        int size = rows * cols;
        if (a.value.length == size && (b.value.length == size || b.value.length == 1)) {
            boolean scalarB = b.value.length == 1 && size != 1;
            double[] y = new double[size];
            op.forwardFlat(a.value, b.value, scalarB, y);
            return record(shape, y, g -> op.backwardFlat(a.value, a.requiresGrad ? a.grad() : null, b.value,
                    b.requiresGrad ? b.grad() : null, scalarB, y, g), a, b);
        }
        Elementwise.Strides sa = Elementwise.Strides.of(a.rows(), a.cols());
        Elementwise.Strides sb = Elementwise.Strides.of(b.rows(), b.cols());
        double[] y = new double[rows * cols];
        op.forward(a.value, sa, b.value, sb, y, rows, cols);
        return record(shape, y, g -> op.backward(a.value, sa, a.requiresGrad ? a.grad() : null,
                b.value, sb, b.requiresGrad ? b.grad() : null, y, g, rows, cols), a, b);
    }

    @Override
    public Var neg(Var x) {
        return unary(Pointwise.NEG, x);
    }

    @Override
    public Var square(Var x) {
        return unary(Pointwise.SQUARE, x);
    }

    @Override
    public Var sqrt(Var x) {
        return unary(Pointwise.SQRT, x);
    }

    @Override
    public Var exp(Var x) {
        return unary(Pointwise.EXP, x);
    }

    @Override
    public Var log(Var x) {
        return unary(Pointwise.LOG, x);
    }

    @Override
    public Var log1p(Var x) {
        return unary(Pointwise.LOG1P, x);
    }

    @Override
    public Var softplus(Var x) {
        return unary(Pointwise.SOFTPLUS, x);
    }

    @Override
    public Var relu(Var x) {
        return unary(Pointwise.RELU, x);
    }

    @Override
    public Var sigmoid(Var x) {
        return unary(Pointwise.SIGMOID, x);
    }

    @Override
    public Var logSigmoid(Var x) {
        return unary(Pointwise.LOG_SIGMOID, x);
    }

    @Override
    public Var tanh(Var x) {
        return unary(Pointwise.TANH, x);
    }

    private Var unary(Pointwise op, Var xv) {
        TapeVar x = own(xv);
        if (x.parameter != null) {
            // a function of a parameter is the same value all pass long: computed once, like the leaf
            // itself (a Bayesian layer asks for softplus(rho) in its forward and again for its KL)
            TapeVar[] done = leafFunctions.computeIfAbsent(x, k -> new TapeVar[Pointwise.values().length]);
            if (done[op.ordinal()] == null) {
                done[op.ordinal()] = apply(op, x);
            }
            return done[op.ordinal()];
        }
        return apply(op, x);
    }

    private TapeVar apply(Pointwise op, TapeVar x) {
        double[] in = x.value;
        double[] y = new double[in.length];
        op.forward(in, y);
        return record(x.shape, y, g -> op.backward(in, y, g, x.grad()), x);
    }

    // ---- matrix products and row ops ----

    @Override
    public Var matmul(Var av, boolean ta, Var bv, boolean tb) {
        TapeVar a = own(av);
        TapeVar b = own(bv);
        if (a.shape.length != 2 || b.shape.length != 2) {
            throw new IllegalArgumentException("matmul needs matrices, got " + Arrays.toString(a.shape)
                    + " and " + Arrays.toString(b.shape));
        }
        int m = ta ? a.shape[1] : a.shape[0];
        int k = ta ? a.shape[0] : a.shape[1];
        int kb = tb ? b.shape[1] : b.shape[0];
        int n = tb ? b.shape[0] : b.shape[1];
        if (k != kb) {
            throw new IllegalArgumentException("matmul inner sizes differ: " + Arrays.toString(a.shape)
                    + (ta ? "^T" : "") + " x " + Arrays.toString(b.shape) + (tb ? "^T" : ""));
        }
        double[] y = new double[m * n];
        gemm(ta, tb, m, n, k, a.value, b.value, y);
        long flops = 2L * m * n * k;
        matmulFlops += flops;
        return record(new int[] {m, n}, y, g -> {
            matmulFlops += (a.requiresGrad ? flops : 0) + (b.requiresGrad ? flops : 0);
            if (a.requiresGrad) {
                if (ta) {
                    gemm(tb, true, k, m, n, b.value, g, a.grad());
                } else {
                    gemm(false, !tb, m, k, n, g, b.value, a.grad());
                }
            }
            if (b.requiresGrad) {
                if (tb) {
                    gemm(true, ta, n, k, m, g, a.value, b.grad());
                } else {
                    gemm(!ta, false, k, n, m, a.value, g, b.grad());
                }
            }
        }, a, b);
    }

    @Override
    public Var rowDot(Var a, Var b) {
        return RowOps.rowDot(this, a, b);
    }

    @Override
    public Var softmax(Var x) {
        return RowOps.softmax(this, x);
    }

    @Override
    public Var logSoftmax(Var x) {
        return RowOps.logSoftmax(this, x);
    }

    // ---- fused ops (FusedOps), or the composition for shapes they do not handle ----

    @Override
    public Var sumOfSquares(Var x) {
        return RowOps.sumOfSquares(this, x);
    }

    @Override
    public Var linear(Var x, Var w, Var b) {
        Var fused = FusedOps.linear(this, own(x), own(w), own(b));
        return fused != null ? fused : Graph.super.linear(x, w, b);
    }

    @Override
    public Var gaussianLinear(Var x, Var wMean, Var wScale, Var bMean, Var bScale, Var noise) {
        Var fused = GaussianLinearOp.apply(this, own(x), own(wMean), own(wScale), own(bMean), own(bScale), own(noise));
        return fused != null ? fused : Graph.super.gaussianLinear(x, wMean, wScale, bMean, bScale, noise);
    }

    @Override
    public Var gaussianKl(Var meanP, Var scaleP, Var meanQ, Var scaleQ) {
        Var fused = GaussianKlOp.apply(this, own(meanP), own(scaleP), own(meanQ), own(scaleQ));
        return fused != null ? fused : Graph.super.gaussianKl(meanP, scaleP, meanQ, scaleQ);
    }

    @Override
    public Var bprLoss(Var queries, Var candidates) {
        Var fused = FusedOps.bprLoss(this, own(queries), own(candidates));
        return fused != null ? fused : Graph.super.bprLoss(queries, candidates);
    }

    // ---- indexing and layout (LayoutOps) ----

    @Override
    public Var gather(Var table, int[] rows) {
        return LayoutOps.gather(this, table, rows);
    }

    @Override
    public Var concat(Var... parts) {
        return LayoutOps.concat(this, parts);
    }

    @Override
    public Var concatRows(Var... parts) {
        return LayoutOps.concatRows(this, parts);
    }

    @Override
    public Var columns(Var x, int from, int to) {
        return LayoutOps.columns(this, x, from, to);
    }

    @Override
    public Var reshape(Var x, int... shape) {
        return LayoutOps.reshape(this, x, shape);
    }

    // ---- reductions (RowOps) ----

    @Override
    public Var sum(Var x) {
        return RowOps.sum(this, x);
    }

    @Override
    public Var sum(Var x, int axis) {
        return RowOps.sum(this, x, axis);
    }

    // ---- the pass ----

    @Override
    public void backward(Var lossVar) {
        TapeVar loss = own(lossVar);
        if (!recording) {
            throw new IllegalStateException("backward() in an inference scope");
        }
        if (backwardDone) {
            throw new IllegalStateException("backward() may be called once per scope");
        }
        if (loss.value.length != 1) {
            throw new IllegalArgumentException("backward() needs a scalar loss, got shape "
                    + Arrays.toString(loss.shape));
        }
        backwardDone = true;
        if (!loss.requiresGrad) {
            return;
        }
        loss.grad()[0] += 1.0;
        for (int i = tape.size() - 1; i >= 0; i--) {
            TapeVar node = tape.get(i);
            if (node.backward != null && node.hasGrad()) {
                node.backward.run(node.gradOrNull());
                if (node.parameter == null) {
                    spare.give(node.releaseGrad());
                }
            }
        }
        for (TapeVar leaf : leaves.values()) {
            if (leaf.hasGrad() && !leaf.gradInSink()) {
                Precision.addGradient(sink, leaf.parameter, leaf.gradOrNull());
            }
        }
    }

    /** The products of this pass, by the engine's {@link MatrixProducts} (an instance of this pass's own). */
    void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
        Precision.gemm(products, transA, transB, m, n, k, a, b, c);
    }

    /** A zeroed array of the given length for a gradient: a spare one of this pass, or a new one. */
    double[] zeroedGradient(int length) {
        return spare.zeroed(length);
    }

    /** Takes back an array from {@link #zeroedGradient} that its user no longer reads or writes. */
    void release(double[] scratch) {
        spare.give(scratch);
    }

    void countFlops(long flops) {
        matmulFlops += flops;
    }

    GradientSink sink() {
        return sink;
    }

    @Override
    public long matmulFlops() {
        return matmulFlops;
    }

    @Override
    public void close() {
        closed = true;
        tape.clear();
        leaves.clear();
        leafFunctions.clear();
        spare.clear();
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the scope is closed");
        }
    }

    /** The value as this pass's node, with its values in place. */
    TapeVar own(Var v) {
        TapeVar t = ownTable(v);
        Precision.materialize(t);
        return t;
    }

    /** The value as this pass's node, for a gather, which reads a table's rows through {@link Precision#copyRow}. */
    TapeVar ownTable(Var v) {
        if (!(v instanceof TapeVar t) || t.owner != this) {
            throw new IllegalArgumentException("a value from another scope or engine: " + v);
        }
        checkOpen();
        return t;
    }

    TapeVar record(int[] shape, double[] value, TapeVar.Backward backward, TapeVar... parents) {
        boolean needsGrad = false;
        if (recording) {
            for (TapeVar p : parents) {
                needsGrad |= p.requiresGrad;
            }
        }
        TapeVar out = new TapeVar(this, shape, value, needsGrad, null);
        if (needsGrad) {
            out.backward = backward;
            tape.add(out);
        }
        return out;
    }
}
