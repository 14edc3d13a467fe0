package org.hdbn.autodiff;

import org.hdbn.param.Parameter;
import org.hdbn.tensor.Tensor;

/**
 * A recording scope for one forward/backward pass: the complete op set that blocks are written
 * against. An {@link AutodiffEngine} opens it; it ends with {@link #backward(Var)} (when training)
 * and {@link #close()}. Blocks reach nothing past this interface, so every block runs unchanged on
 * every engine.
 *
 * <p>Shapes have rank 0 to 2; a batch is the rows. Elementwise binary ops broadcast like numpy
 * (aligned on the last axis, an extent of 1 stretches), which covers adding a bias row to every
 * row of a batch. Ops that act "per row" treat a vector as a single row.
 *
 * <p>Derived ops are default methods composed from primitives and carry no derivative code of
 * their own (as in micrograd); an engine may override them with a fused version.
 */
public interface Graph extends AutoCloseable {

    /** Whether {@link #backward(Var)} is available (false for an inference scope). */
    boolean recordsGradients();

    /** A value that receives no gradient. */
    Var constant(Tensor value);

    /**
     * The parameter as a leaf of this pass; {@link #backward(Var)} adds the loss gradient to the
     * parameter's gradient (row-sparse for a row-sparse parameter read through {@link #gather}).
     * Binding the same parameter twice in one pass gives the same leaf.
     */
    Var param(Parameter parameter);

    /** {@code op(a) * op(b)} where op transposes when asked; both operands are matrices. */
    Var matmul(Var a, boolean transposeA, Var b, boolean transposeB);

    Var add(Var a, Var b);

    Var sub(Var a, Var b);

    Var mul(Var a, Var b);

    Var div(Var a, Var b);

    Var neg(Var x);

    Var square(Var x);

    Var sqrt(Var x);

    Var exp(Var x);

    Var log(Var x);

    Var log1p(Var x);

    /** {@code log(1 + exp(x))}, computed without overflow. */
    Var softplus(Var x);

    Var relu(Var x);

    Var sigmoid(Var x);

    /** {@code log(sigmoid(x))}, computed without underflow. */
    Var logSigmoid(Var x);

    Var tanh(Var x);

    /** Softmax of each row. */
    Var softmax(Var x);

    /** Log-softmax of each row. */
    Var logSoftmax(Var x);

    /** The given rows of a matrix (or entries of a vector), in order; rows may repeat. */
    Var gather(Var table, int[] rows);

    /** Matrices with equal row counts, side by side. */
    Var concat(Var... parts);

    /** Matrices with equal column counts, one below the other. */
    Var concatRows(Var... parts);

    /** Columns {@code [from, to)} of a matrix. */
    Var columns(Var x, int from, int to);

    /** The same values seen with another shape of the same size. */
    Var reshape(Var x, int... shape);

    /** The sum of all values, a scalar. */
    Var sum(Var x);

    /**
     * The sum along an axis: axis 0 sums over rows (a matrix gives one value per column), axis 1
     * sums over columns (one value per row). For a vector, axis 0 gives a scalar.
     */
    Var sum(Var x, int axis);

    /** The dot product of matching rows of two matrices of equal shape: one value per row. */
    Var rowDot(Var a, Var b);

    /**
     * Back-propagates from a scalar loss, adding d(loss)/d(parameter) to every parameter bound in
     * this pass. May be called once per scope.
     */
    void backward(Var loss);

    /**
     * The floating-point operations of the matrix products this scope has run so far, forward and
     * backward, counted as {@code 2 m n k} per product of an m x k and a k x n matrix; -1 when the
     * engine does not count them. Benchmarks divide it by the time taken.
     */
    default long matmulFlops() {
        return -1;
    }

    /** Ends the scope, releasing what it recorded. */
    @Override
    void close();

    // ---- derived ops: compositions of the primitives above ----

    default Var matmul(Var a, Var b) {
        return matmul(a, false, b, false);
    }

    default Var scalar(double value) {
        return constant(Tensor.scalar(value));
    }

    /** {@code c * x}. */
    default Var scale(Var x, double c) {
        return mul(x, scalar(c));
    }

    /** {@code x + c}. */
    default Var addScalar(Var x, double c) {
        return add(x, scalar(c));
    }

    /** The mean of all values, a scalar. */
    default Var mean(Var x) {
        int n = org.hdbn.tensor.Shape.size(x.shape());
        return scale(sum(x), 1.0 / n);
    }

    /** The mean along an axis (see {@link #sum(Var, int)}). */
    default Var mean(Var x, int axis) {
        return scale(sum(x, axis), 1.0 / x.shape()[axis]);
    }

    // ---- fused ops: compositions an engine may run as one kernel, where per-op overhead dominates ----

    /** The sum of the squares of all values, a scalar (an L2 penalty's core). */
    default Var sumOfSquares(Var x) {
        return sum(square(x));
    }

    /** {@code x w + b}, a dense layer's pre-activation: x {@code [rows, in]}, w {@code [in, out]}, b {@code [out]}. */
    default Var linear(Var x, Var w, Var b) {
        return add(matmul(x, w), b);
    }

    /**
     * A draw of {@code x W + b} for weights W {@code [in, out]} and biases b {@code [out]} with
     * independent Gaussian entries, {@code W ~ N(wMean, wScale^2)}, {@code b ~ N(bMean, bScale^2)},
     * taken through the pre-activations (the local reparameterisation of Kingma, Salimans and
     * Welling 2015): {@code m + sqrt(v) * noise} with {@code m = x wMean + bMean},
     * {@code v = x^2 wScale^2 + bScale^2} and standard normal noise {@code [rows, out]}.
     */
    default Var gaussianLinear(Var x, Var wMean, Var wScale, Var bMean, Var bScale, Var noise) {
        Var mean = linear(x, wMean, bMean);
        Var variance = linear(square(x), square(wScale), square(bScale));
        return add(mean, mul(sqrt(variance), noise));
    }

    /**
     * The KL divergence of diagonal Gaussians per row, {@code KL(N(meanP, scaleP^2) || N(meanQ, scaleQ^2))}:
     * the sum over the last axis of {@code log(sq / sp) + (sp^2 + (mp - mq)^2) / (2 sq^2) - 1/2},
     * the operands broadcast as in {@link #add}. One value per row of a matrix, a scalar otherwise.
     */
    default Var gaussianKl(Var meanP, Var scaleP, Var meanQ, Var scaleQ) {
        Var ratio = div(scaleP, scaleQ);
        Var diff = div(sub(meanP, meanQ), scaleQ);
        Var perEntry = sub(scale(add(square(ratio), square(diff)), 0.5), addScalar(log(ratio), 0.5));
        return perEntry.shape().length == 2 ? sum(perEntry, 1) : sum(perEntry);
    }

    /**
     * Bayesian personalised ranking with N negatives per positive (Rendle et al. 2009), a scalar:
     * {@code -mean_{b,j} log sigmoid(q_b . c_b - q_b . c_{B + bN + j})} for queries q {@code [B, d]}
     * and candidates c {@code [B + B*N, d]} holding the B positives first, then N negatives per
     * query in query order.
     */
    default Var bprLoss(Var queries, Var candidates) {
        int b = queries.rows();
        int n = BprLayout.negatives(b, candidates.rows());
        int[] pos = new int[b];
        int[] neg = new int[b * n];
        int[] owner = new int[b * n];
        for (int i = 0; i < b; i++) {
            pos[i] = i;
            for (int j = 0; j < n; j++) {
                neg[i * n + j] = b + i * n + j;
                owner[i * n + j] = i;
            }
        }
        Var sPos = rowDot(queries, gather(candidates, pos));
        Var sNeg = rowDot(gather(queries, owner), gather(candidates, neg));
        return neg(mean(logSigmoid(sub(gather(sPos, owner), sNeg))));
    }
}
