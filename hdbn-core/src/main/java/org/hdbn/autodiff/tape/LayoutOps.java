package org.hdbn.autodiff.tape;

import java.util.Arrays;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.Shape;

/** The tape's indexing and layout ops: gathering rows, joining side by side or stacked, slicing, reshaping. */
final class LayoutOps {

    private LayoutOps() {
    }

    static Var gather(TapeGraph t, Var tableVar, int[] rows) {
        TapeVar table = t.ownTable(tableVar);
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
            Precision.copyRow(table, r * cols, y, k * cols, cols);
        }
        int[] shape = table.shape.length == 2 ? new int[] {rows.length, cols} : new int[] {rows.length};
        Parameter sparse = table.parameter != null && table.parameter.rowSparse() ? table.parameter : null;
        return t.record(shape, y, g -> {
            if (sparse != null) {
                Precision.addRows(t.sink(), sparse, rows, g);
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

    static Var concat(TapeGraph t, Var... partVars) {
        if (partVars.length == 0) {
            throw new IllegalArgumentException("concat of nothing");
        }
        TapeVar[] parts = new TapeVar[partVars.length];
        int rows = -1;
        int[] offsets = new int[parts.length + 1];
        for (int p = 0; p < parts.length; p++) {
            parts[p] = t.own(partVars[p]);
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
        return t.record(new int[] {rows, width}, y, g -> {
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

    static Var concatRows(TapeGraph t, Var... partVars) {
        if (partVars.length == 0) {
            throw new IllegalArgumentException("concatRows of nothing");
        }
        TapeVar[] parts = new TapeVar[partVars.length];
        int cols = -1;
        int total = 0;
        int rows = 0;
        for (int p = 0; p < parts.length; p++) {
            parts[p] = t.own(partVars[p]);
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
        return t.record(new int[] {rows, cols}, y, g -> {
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

    static Var columns(TapeGraph t, Var xv, int from, int to) {
        TapeVar x = t.own(xv);
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
        return t.record(new int[] {rows, w}, y, g -> {
            double[] gx = x.grad();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < w; j++) {
                    gx[i * cols + from + j] += g[i * w + j];
                }
            }
        }, x);
    }

    static Var reshape(TapeGraph t, Var xv, int... shape) {
        TapeVar x = t.own(xv);
        int[] s = Shape.check(shape);
        if (Shape.size(s) != x.value.length) {
            throw new IllegalArgumentException("cannot reshape " + Arrays.toString(x.shape) + " to "
                    + Arrays.toString(s));
        }
        return t.record(s, x.value, g -> {
            double[] gx = x.grad();
            for (int k = 0; k < g.length; k++) {
                gx[k] += g[k];
            }
        }, x);
    }
}
