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
import org.hdbn.tensor.Gemm;
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
    private boolean backwardDone;
    private boolean closed;
    private long matmulFlops;

    TapeGraph(boolean recording, GradientSink sink) {
        this.recording = recording;
        this.sink = sink;
    }

    @Override
    public boolean recordsGradients() {
        return recording;
    }

    // ---- leaves ----

    @Override
    public Var constant(Tensor value) {
        return new TapeVar(this, value.shape(), value.data(), false, null);
    }

    @Override
    public Var param(Parameter parameter) {
        checkOpen();
        return leaves.computeIfAbsent(parameter, p -> {
            Tensor v = p.value();
            TapeVar leaf = new TapeVar(this, v.shape(), v.data(), recording, p);
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
        double[] in = x.value;
        double[] y = new double[in.length];
        for (int k = 0; k < y.length; k++) {
            y[k] = op.f(in[k]);
        }
        return record(x.shape, y, g -> {
            double[] gx = x.grad();
            for (int k = 0; k < y.length; k++) {
                gx[k] += g[k] * op.df(in[k], y[k]);
            }
        }, x);
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
        Gemm.gemm(ta, tb, m, n, k, a.value, b.value, y);
        long flops = 2L * m * n * k;
        matmulFlops += flops;
        return record(new int[] {m, n}, y, g -> {
            matmulFlops += (a.requiresGrad ? flops : 0) + (b.requiresGrad ? flops : 0);
            if (a.requiresGrad) {
                if (ta) {
                    Gemm.gemm(tb, true, k, m, n, b.value, g, a.grad());
                } else {
                    Gemm.gemm(false, !tb, m, k, n, g, b.value, a.grad());
                }
            }
            if (b.requiresGrad) {
                if (tb) {
                    Gemm.gemm(true, ta, n, k, m, g, a.value, b.grad());
                } else {
                    Gemm.gemm(!ta, false, k, n, m, a.value, g, b.grad());
                }
            }
        }, a, b);
    }

    @Override
    public Var rowDot(Var av, Var bv) {
        TapeVar a = own(av);
        TapeVar b = own(bv);
        if (!Arrays.equals(a.shape, b.shape) || a.shape.length != 2) {
            throw new IllegalArgumentException("rowDot needs two matrices of one shape, got "
                    + Arrays.toString(a.shape) + " and " + Arrays.toString(b.shape));
        }
        int rows = a.rows();
        int cols = a.cols();
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            for (int j = 0, o = i * cols; j < cols; j++) {
                s += a.value[o + j] * b.value[o + j];
            }
            y[i] = s;
        }
        return record(new int[] {rows}, y, g -> {
            for (int i = 0; i < rows; i++) {
                int o = i * cols;
                if (a.requiresGrad) {
                    double[] ga = a.grad();
                    for (int j = 0; j < cols; j++) {
                        ga[o + j] += g[i] * b.value[o + j];
                    }
                }
                if (b.requiresGrad) {
                    double[] gb = b.grad();
                    for (int j = 0; j < cols; j++) {
                        gb[o + j] += g[i] * a.value[o + j];
                    }
                }
            }
        }, a, b);
    }

    @Override
    public Var softmax(Var xv) {
        TapeVar x = own(xv);
        int rows = x.rows();
        int cols = x.cols();
        double[] y = new double[x.value.length];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x.value[o + j]);
            }
            double z = 0;
            for (int j = 0; j < cols; j++) {
                y[o + j] = Math.exp(x.value[o + j] - max);
                z += y[o + j];
            }
            for (int j = 0; j < cols; j++) {
                y[o + j] /= z;
            }
        }
        return record(x.shape, y, g -> {
            double[] gx = x.grad();
            for (int i = 0; i < rows; i++) {
                int o = i * cols;
                double dot = 0;
                for (int j = 0; j < cols; j++) {
                    dot += g[o + j] * y[o + j];
                }
                for (int j = 0; j < cols; j++) {
                    gx[o + j] += y[o + j] * (g[o + j] - dot);
                }
            }
        }, x);
    }

    @Override
    public Var logSoftmax(Var xv) {
        TapeVar x = own(xv);
        int rows = x.rows();
        int cols = x.cols();
        double[] y = new double[x.value.length];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x.value[o + j]);
            }
            double z = 0;
            for (int j = 0; j < cols; j++) {
                z += Math.exp(x.value[o + j] - max);
            }
            double logZ = max + Math.log(z);
            for (int j = 0; j < cols; j++) {
                y[o + j] = x.value[o + j] - logZ;
            }
        }
        return record(x.shape, y, g -> {
            double[] gx = x.grad();
            for (int i = 0; i < rows; i++) {
                int o = i * cols;
                double total = 0;
                for (int j = 0; j < cols; j++) {
                    total += g[o + j];
                }
                for (int j = 0; j < cols; j++) {
                    gx[o + j] += g[o + j] - Math.exp(y[o + j]) * total;
                }
            }
        }, x);
    }

    // ---- indexing and layout ----

    @Override
    public Var gather(Var tableVar, int[] rows) {
        TapeVar table = own(tableVar);
        if (table.shape.length == 0) {
            throw new IllegalArgumentException("gather needs a vector or a matrix, got a scalar");
        }
        int tableRows = table.shape[0];
        int cols = table.shape.length == 2 ? table.shape[1] : 1;
        double[] y = new double[rows.length * cols];
        for (int k = 0; k < rows.length; k++) {
            int r = rows[k];
            if (r < 0 || r >= tableRows) {
                throw new IndexOutOfBoundsException("gather row " + r + " at position " + k
                        + " outside a table of " + tableRows + " rows");
            }
            System.arraycopy(table.value, r * cols, y, k * cols, cols);
        }
        int[] shape = table.shape.length == 2 ? new int[] {rows.length, cols} : new int[] {rows.length};
        Parameter sparse = table.parameter != null && table.parameter.rowSparse() ? table.parameter : null;
        return record(shape, y, g -> {
            if (sparse != null) {
                sink.addRows(sparse, rows, g);
                return;
            }
            double[] gt = table.grad();
            for (int k = 0; k < rows.length; k++) {
                int base = rows[k] * cols;
                for (int c = 0; c < cols; c++) {
                    gt[base + c] += g[k * cols + c];
                }
            }
        }, table);
    }

    @Override
    public Var concat(Var... partVars) {
        if (partVars.length == 0) {
            throw new IllegalArgumentException("concat of nothing");
        }
        TapeVar[] parts = new TapeVar[partVars.length];
        int rows = -1;
        int[] offsets = new int[parts.length + 1];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = own(partVars[p]);
            if (parts[p].shape.length != 2 || (rows >= 0 && parts[p].shape[0] != rows)) {
                throw new IllegalArgumentException("concat needs matrices with one row count, part " + p
                        + " has shape " + Arrays.toString(parts[p].shape));
            }
            rows = parts[p].shape[0];
            offsets[p + 1] = offsets[p] + parts[p].shape[1];
        }
        int width = offsets[parts.length];
        double[] y = new double[rows * width];
        for (int p = 0; p < parts.length; p++) {
            int w = parts[p].shape[1];
            for (int i = 0; i < rows; i++) {
                System.arraycopy(parts[p].value, i * w, y, i * width + offsets[p], w);
            }
        }
        int n = rows;
        return record(new int[] {rows, width}, y, g -> {
            for (int p = 0; p < parts.length; p++) {
                if (!parts[p].requiresGrad) {
                    continue;
                }
                int w = parts[p].shape[1];
                double[] gp = parts[p].grad();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < w; j++) {
                        gp[i * w + j] += g[i * width + offsets[p] + j];
                    }
                }
            }
        }, parts);
    }

    @Override
    public Var concatRows(Var... partVars) {
        if (partVars.length == 0) {
            throw new IllegalArgumentException("concatRows of nothing");
        }
        TapeVar[] parts = new TapeVar[partVars.length];
        int cols = -1;
        int total = 0;
        int rows = 0;
        for (int p = 0; p < parts.length; p++) {
            parts[p] = own(partVars[p]);
            if (parts[p].shape.length != 2 || (cols >= 0 && parts[p].shape[1] != cols)) {
                throw new IllegalArgumentException("concatRows needs matrices with one column count, part " + p
                        + " has shape " + Arrays.toString(parts[p].shape));
            }
            cols = parts[p].shape[1];
            rows += parts[p].shape[0];
            total += parts[p].value.length;
        }
        double[] y = new double[total];
        int at = 0;
        for (TapeVar part : parts) {
            System.arraycopy(part.value, 0, y, at, part.value.length);
            at += part.value.length;
        }
        return record(new int[] {rows, cols}, y, g -> {
            int offset = 0;
            for (TapeVar part : parts) {
                if (part.requiresGrad) {
                    double[] gp = part.grad();
                    for (int k = 0; k < gp.length; k++) {
                        gp[k] += g[offset + k];
                    }
                }
                offset += part.value.length;
            }
        }, parts);
    }

    @Override
    public Var columns(Var xv, int from, int to) {
        TapeVar x = own(xv);
        if (x.shape.length != 2 || from < 0 || to > x.shape[1] || from > to) {
            throw new IllegalArgumentException("columns [" + from + ", " + to + ") of shape "
                    + Arrays.toString(x.shape));
        }
        int rows = x.shape[0];
        int cols = x.shape[1];
        int w = to - from;
        double[] y = new double[rows * w];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(x.value, i * cols + from, y, i * w, w);
        }
        return record(new int[] {rows, w}, y, g -> {
            double[] gx = x.grad();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < w; j++) {
                    gx[i * cols + from + j] += g[i * w + j];
                }
            }
        }, x);
    }

    @Override
    public Var reshape(Var xv, int... shape) {
        TapeVar x = own(xv);
        int[] s = Shape.check(shape);
        if (Shape.size(s) != x.value.length) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(x.shape) + " to "
                    + Arrays.toString(s));
        }
        return record(s, x.value, g -> {
            double[] gx = x.grad();
            for (int k = 0; k < g.length; k++) {
                gx[k] += g[k];
            }
        }, x);
    }

    // ---- reductions ----

    @Override
    public Var sum(Var xv) {
        TapeVar x = own(xv);
        double s = 0;
        for (double v : x.value) {
            s += v;
        }
        return record(new int[0], new double[] {s}, g -> {
            double[] gx = x.grad();
            for (int k = 0; k < gx.length; k++) {
                gx[k] += g[0];
            }
        }, x);
    }

    @Override
    public Var sum(Var xv, int axis) {
        TapeVar x = own(xv);
        if (axis < 0 || axis >= Math.max(1, x.shape.length)) {
            throw new IllegalArgumentException("axis " + axis + " of shape " + Arrays.toString(x.shape));
        }
        if (x.shape.length < 2) {
            return sum(x);
        }
        int rows = x.shape[0];
        int cols = x.shape[1];
        boolean overRows = axis == 0;
        double[] y = new double[overRows ? cols : rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                y[overRows ? j : i] += x.value[i * cols + j];
            }
        }
        return record(new int[] {y.length}, y, g -> {
            double[] gx = x.grad();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    gx[i * cols + j] += g[overRows ? j : i];
                }
            }
        }, x);
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
        loss.grad()[0] = 1.0;
        for (int i = tape.size() - 1; i >= 0; i--) {
            TapeVar node = tape.get(i);
            if (node.backward != null && node.hasGrad()) {
                node.backward.run(node.gradOrNull());
            }
        }
        for (TapeVar leaf : leaves.values()) {
            if (leaf.hasGrad()) {
                sink.add(leaf.parameter, leaf.gradOrNull());
            }
        }
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
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the scope is closed");
        }
    }

    private TapeVar own(Var v) {
        if (!(v instanceof TapeVar t) || t.owner != this) {
            throw new IllegalArgumentException("a value from another scope or engine: " + v);
        }
        checkOpen();
        return t;
    }

    private TapeVar record(int[] shape, double[] value, TapeVar.Backward backward, TapeVar... parents) {
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
