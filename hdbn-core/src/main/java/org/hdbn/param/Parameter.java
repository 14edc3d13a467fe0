package org.hdbn.param;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.hdbn.tensor.Tensor;

/**
 * A named trainable array, independent of any engine: its value, the gradient accumulated by the
 * passes since the last {@link #zeroGrad()}, and optimizer state slots.
 *
 * <p>A row-sparse parameter (an embedding table) tracks which rows received gradient, so that
 * zeroing, clipping and optimizer steps cost the rows a step touched, not the whole table. A
 * parameter that is not {@linkplain #trainable() trainable} (frozen) still accumulates gradient;
 * optimizers skip it.
 */
public final class Parameter {

    private final String name;
    private final Tensor value;
    private final double[] grad;
    private final boolean rowSparse;
    // row-sparse only: which rows received gradient, as flags and as a list (no hashing per row)
    private final boolean[] rowTouched;
    private int[] touchedList;
    private int touchedCount;
    // touchedRows() of the current list, until a row is added or the gradient cleared
    private int[] sortedTouched;
    private final Map<String, double[]> slots = new LinkedHashMap<>();
    private boolean trainable = true;
    private boolean denseTouched;

    public Parameter(String name, Tensor value, boolean rowSparse) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a parameter needs a name");
        }
        if (rowSparse && value.rank() != 2) {
            throw new IllegalArgumentException("row-sparse parameter '" + name + "' must be a matrix, shape "
                    + Arrays.toString(value.shape()));
        }
        this.name = name;
        this.value = value;
        this.grad = new double[value.size()];
        this.rowSparse = rowSparse;
        this.rowTouched = rowSparse ? new boolean[value.rows()] : null;
        this.touchedList = new int[rowSparse ? 16 : 0];
    }

    public String name() {
        return name;
    }

    /** The value; its backing array is updated in place by optimizers. */
    public Tensor value() {
        return value;
    }

    public int[] shape() {
        return value.shape();
    }

    /** The accumulated gradient, row-major like the value. */
    public double[] grad() {
        return grad;
    }

    public boolean rowSparse() {
        return rowSparse;
    }

    public boolean trainable() {
        return trainable;
    }

    public void setTrainable(boolean trainable) {
        this.trainable = trainable;
    }

    /** Adds a gradient for the whole value. */
    public void accumulate(double[] g) {
        double[] target = denseGradientOfLength(g.length);
        for (int k = 0; k < g.length; k++) {
            target[k] += g[k];
        }
    }

    /**
     * {@link #accumulate(double[])}, clearing {@code g} in the same pass: a gradient buffer handed
     * over and emptied is read once instead of twice (the sums are those of {@code accumulate}).
     */
    public void accumulateAndClear(double[] g) {
        double[] target = denseGradientOfLength(g.length);
        for (int k = 0; k < g.length; k++) {
            target[k] += g[k];
            g[k] = 0;
        }
    }

    private double[] denseGradientOfLength(int length) {
        if (length != grad.length) {
            throw new IllegalArgumentException("gradient of " + length + " values for '" + name
                    + "' of " + grad.length);
        }
        return denseGradient();
    }

    /**
     * The gradient array, for adding a whole-value gradient to in place (as {@link #accumulate}
     * does, without the intermediate array); a row-sparse parameter counts it as a dense use.
     */
    public double[] denseGradient() {
        if (rowSparse) {
            denseTouched = true;
        }
        return grad;
    }

    /**
     * Adds gradient rows: row {@code k} of {@code g} (width = columns of the value) is added to
     * row {@code rows[k]}; repeated rows add up.
     */
    public void accumulateRows(int[] rows, double[] g) {
        accumulateRows(rows, g, rows.length);
    }

    /** {@link #accumulateRows(int[], double[])} for the first {@code count} rows only. */
    public void accumulateRows(int[] rows, double[] g, int count) {
        int cols = value.cols();
        for (int k = 0; k < count; k++) {
            int base = rows[k] * cols;
            int src = k * cols;
            for (int c = 0; c < cols; c++) {
                grad[base + c] += g[src + c];
            }
            if (rowSparse && !rowTouched[rows[k]]) {
                rowTouched[rows[k]] = true;
                if (touchedCount == touchedList.length) {
                    touchedList = Arrays.copyOf(touchedList, 2 * touchedCount);
                }
                touchedList[touchedCount++] = rows[k];
                sortedTouched = null;
            }
        }
    }

    /**
     * Whether every row may have a non-zero gradient: always for a dense parameter, and for a
     * row-sparse one that was also used densely. Kernels then run over the whole array at once.
     */
    public boolean allRowsTouched() {
        return !rowSparse || denseTouched;
    }

    /**
     * Rows whose gradient may be non-zero, ascending (deterministic order); every row for a dense
     * parameter, or for a row-sparse one that was also used densely.
     */
    public int[] touchedRows() {
        if (!rowSparse || denseTouched) {
            int[] all = new int[value.rows()];
            Arrays.setAll(all, i -> i);
            return all;
        }
        if (sortedTouched == null) {
            sortedTouched = Arrays.copyOf(touchedList, touchedCount);
            Arrays.sort(sortedTouched);
        }
        return sortedTouched.clone();
    }

    /** Clears the gradient (only the touched rows of a row-sparse parameter). */
    public void zeroGrad() {
        if (rowSparse && !denseTouched) {
            int cols = value.cols();
            for (int i = 0; i < touchedCount; i++) {
                Arrays.fill(grad, touchedList[i] * cols, touchedList[i] * cols + cols, 0.0);
            }
        } else {
            Arrays.fill(grad, 0.0);
        }
        gradientCleared();
    }

    /**
     * Records that the caller has set to zero every gradient entry that may be non-zero (the
     * {@linkplain #touchedRows() touched rows}, or all), as an optimizer does in its update loop
     * while the entries are in registers: the parameter forgets its touched rows as after
     * {@link #zeroGrad()}, without a second pass over the gradient.
     */
    public void gradientCleared() {
        if (rowSparse) {
            for (int i = 0; i < touchedCount; i++) {
                rowTouched[touchedList[i]] = false;
            }
            touchedCount = 0;
            sortedTouched = null;
            denseTouched = false;
        }
    }

    /** Optimizer state under a name, created as zeros of the value's size on first use. */
    public double[] slot(String slotName) {
        // looked up for every parameter on every step: a plain get, the lambda only the first time
        double[] s = slots.get(slotName);
        return s != null ? s : slots.computeIfAbsent(slotName, k -> new double[value.size()]);
    }

    /** Names of the optimizer slots that exist, in creation order. */
    public Set<String> slotNames() {
        return slots.keySet();
    }

    /** Replaces a slot's content (used when loading saved optimizer state). */
    public void setSlot(String slotName, double[] content) {
        if (content.length != value.size()) {
            throw new IllegalArgumentException("slot '" + slotName + "' of '" + name + "' needs "
                    + value.size() + " values, got " + content.length);
        }
        slots.put(slotName, content);
    }

    @Override
    public String toString() {
        return "Parameter[" + name + " " + Arrays.toString(value.shape()) + (rowSparse ? " row-sparse" : "")
                + (trainable ? "" : " frozen") + "]";
    }
}
