package org.hdbn.autodiff.tape;

import java.util.Arrays;
import org.hdbn.autodiff.Var;

/** The tape's row-wise ops and reductions: row dot products, (log-)softmax per row, sums, sums of squares. */
final class RowOps {

    private RowOps() {
    }

    static Var rowDot(TapeGraph t, Var av, Var bv) {
        TapeVar a = t.own(av);
        TapeVar b = t.own(bv);
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
        return t.record(new int[] {rows}, y, g -> {
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

    /** The largest of {@code cols} values from {@code offset}: subtracted before exp so it cannot overflow. */
    private static double rowMax(double[] v, int offset, int cols) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, v[offset + j]);
        }
        return max;
    }

    static Var softmax(TapeGraph t, Var xv) {
        TapeVar x = t.own(xv);
        int rows = x.rows();
        int cols = x.cols();
        double[] y = new double[x.value.length];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            double max = rowMax(x.value, o, cols);
            double z = 0;
            for (int j = 0; j < cols; j++) {
                y[o + j] = Math.exp(x.value[o + j] - max);
                z += y[o + j];
            }
            for (int j = 0; j < cols; j++) {
                y[o + j] /= z;
            }
        }
        return t.record(x.shape, y, g -> {
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

    static Var logSoftmax(TapeGraph t, Var xv) {
        TapeVar x = t.own(xv);
        int rows = x.rows();
        int cols = x.cols();
        double[] y = new double[x.value.length];
        for (int i = 0; i < rows; i++) {
            int o = i * cols;
            double max = rowMax(x.value, o, cols);
            double z = 0;
            for (int j = 0; j < cols; j++) {
                z += Math.exp(x.value[o + j] - max);
            }
            double logZ = max + Math.log(z);
            for (int j = 0; j < cols; j++) {
                y[o + j] = x.value[o + j] - logZ;
            }
        }
        return t.record(x.shape, y, g -> {
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

    static Var sum(TapeGraph t, Var xv) {
        TapeVar x = t.own(xv);
        double s = Precision.sum(x.value);
        return t.record(new int[0], new double[] {s}, g -> {
            double[] gx = x.grad();
            for (int k = 0; k < gx.length; k++) {
                gx[k] += g[0];
            }
        }, x);
    }

    static Var sum(TapeGraph t, Var xv, int axis) {
        TapeVar x = t.own(xv);
        if (axis < 0 || axis >= Math.max(1, x.shape.length)) {
            throw new IllegalArgumentException("axis " + axis + " of shape " + Arrays.toString(x.shape));
        }
        if (x.shape.length < 2) {
            return t.sum(x);
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
        return t.record(new int[] {y.length}, y, g -> {
            double[] gx = x.grad();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    gx[i * cols + j] += g[overRows ? j : i];
                }
            }
        }, x);
    }

    static Var sumOfSquares(TapeGraph t, Var xv) {
        TapeVar x = t.own(xv);
        double s = Precision.sumOfSquares(x.value);
        return t.record(new int[0], new double[] {s}, g -> {
            double[] gx = x.grad();
            double twice = 2 * g[0];
            for (int k = 0; k < gx.length; k++) {
                gx[k] += twice * x.value[k];
            }
        }, x);
    }
}
