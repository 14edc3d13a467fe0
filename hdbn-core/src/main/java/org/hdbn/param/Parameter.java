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
 *
 * <p>A parameter is {@linkplain #storage() stored} in double or in float. In float (the storage a
 * single-precision engine trains in, set by the trainer), the float arrays are the master:
 * {@link #floatValue()}, {@link #floatGrad()} and {@link #floatSlot}; {@link #value()} is a double
 * copy refreshed when read after an optimizer's update, and the double gradient and slots are not
 * kept ({@link #grad()} and {@link #slot} refuse, so no caller reads a gradient that is not there).
 */
public final class Parameter {

    // touchedRows() scans the flags instead of sorting the list once at least 1/SCAN_FRACTION of
    // the rows are touched: a scan costs rows, a sort about count * log(count) comparisons
    private static final int SCAN_FRACTION = 16;

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
    // stored in float: the master values, gradient and slots (null in double)
    private float[] floatValue;
    private float[] floatGrad;
    private final Map<String, float[]> floatSlots = new LinkedHashMap<>();
    // stored in float: whether value() must be refreshed from floatValue before it is read
    private volatile boolean valueBehind;

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

    /**
     * The value; its backing array is updated in place by optimizers. Stored in float, a double
     * copy of the master, refreshed here after an update: write into it only to replace the value,
     * then call {@link #valueWritten()}.
     */
    public Tensor value() {
        if (valueBehind) {
            refreshValue();
        }
        return value;
    }

    private synchronized void refreshValue() {
        if (valueBehind) {
            double[] d = value.data();
            for (int k = 0; k < d.length; k++) {
                d[k] = floatValue[k];
            }
            valueBehind = false;
        }
    }

    /**
     * Takes values written into {@link #value()}'s array as the parameter's (as loading saved
     * values does): stored in float, they are rounded into the master; in double there is nothing to do.
     */
    public void valueWritten() {
        if (floatValue != null) {
            narrow(value.data(), floatValue);
        }
    }

    public int[] shape() {
        return value.shape();
    }

    /** The number of values (without refreshing a float-stored parameter's double copy). */
    public int size() {
        return value.size();
    }

    /** The columns of a matrix's rows, 1 for a vector (without refreshing the double copy). */
    public int cols() {
        return value.cols();
    }

    /** The accumulated gradient, row-major like the value; stored in float, see {@link #floatGrad()}. */
    public double[] grad() {
        requireDouble("gradient", "floatGrad()");
        return grad;
    }

    public ParameterStorage storage() {
        return floatValue == null ? ParameterStorage.DOUBLE : ParameterStorage.FLOAT;
    }

    /**
     * Stores the parameter in the given precision: the values and optimizer slots are rounded to
     * float, or widened back to double (exactly), and the gradient goes with them. Between steps,
     * when the gradient is cleared.
     */
    public void useStorage(ParameterStorage storage) {
        if (storage == storage()) {
            return;
        }
        if (storage == ParameterStorage.FLOAT) {
            floatValue = new float[value.size()];
            narrow(value.data(), floatValue);
            floatGrad = new float[grad.length];
            narrow(grad, floatGrad);
            for (Map.Entry<String, double[]> slot : slots.entrySet()) {
                float[] f = new float[slot.getValue().length];
                narrow(slot.getValue(), f);
                floatSlots.put(slot.getKey(), f);
            }
            slots.clear();
            Arrays.fill(grad, 0.0);
            // the double copy now shows the rounded master
            valueBehind = true;
            return;
        }
        refreshValue();
        for (int k = 0; k < grad.length; k++) {
            grad[k] = floatGrad[k];
        }
        for (Map.Entry<String, float[]> slot : floatSlots.entrySet()) {
            slots.put(slot.getKey(), widen(slot.getValue()));
        }
        floatSlots.clear();
        floatValue = null;
        floatGrad = null;
    }

    /** Stored in float: the master values, which optimizers update (then {@link #floatValueChanged()}). */
    public float[] floatValue() {
        requireFloat();
        return floatValue;
    }

    /** Stored in float: the accumulated gradient. */
    public float[] floatGrad() {
        requireFloat();
        return floatGrad;
    }

    /** {@link #denseGradient()} of a float-stored parameter. */
    public float[] floatDenseGradient() {
        requireFloat();
        if (rowSparse) {
            denseTouched = true;
        }
        return floatGrad;
    }

    /** Stored in float: optimizer state under a name, created as zeros on first use. */
    public float[] floatSlot(String slotName) {
        requireFloat();
        float[] s = floatSlots.get(slotName);
        return s != null ? s : floatSlots.computeIfAbsent(slotName, k -> new float[value.size()]);
    }

    /** Records an update of {@link #floatValue()}: the double copy is refreshed on its next read. */
    public void floatValueChanged() {
        valueBehind = true;
    }

    private void requireFloat() {
        if (floatValue == null) {
            throw new IllegalStateException("parameter '" + name + "' is stored in double, not float");
        }
    }

    private void requireDouble(String what, String instead) {
        if (floatValue != null) {
            throw new IllegalStateException("parameter '" + name + "' is stored in float: its " + what + " is "
                    + instead);
        }
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
        checkLength(g.length);
        if (floatValue != null) {
            float[] target = floatDenseGradient();
            for (int k = 0; k < g.length; k++) {
                target[k] += (float) g[k];
            }
            return;
        }
        double[] target = denseGradient();
        for (int k = 0; k < g.length; k++) {
            target[k] += g[k];
        }
    }

    /**
     * {@link #accumulate(double[])}, clearing {@code g} in the same pass: a gradient buffer handed
     * over and emptied is read once instead of twice (the sums are those of {@code accumulate}).
     */
    public void accumulateAndClear(double[] g) {
        requireDouble("gradient", "floatGrad()");
        checkLength(g.length);
        double[] target = denseGradient();
        for (int k = 0; k < g.length; k++) {
            target[k] += g[k];
            g[k] = 0;
        }
    }

    private void checkLength(int length) {
        if (length != grad.length) {
            throw new IllegalArgumentException("gradient of " + length + " values for '" + name
                    + "' of " + grad.length);
        }
    }

    /**
     * The gradient array, for adding a whole-value gradient to in place (as {@link #accumulate}
     * does, without the intermediate array); a row-sparse parameter counts it as a dense use.
     */
    public double[] denseGradient() {
        requireDouble("gradient", "floatDenseGradient()");
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
        if (floatValue != null) {
            accumulateRows(rows, narrowed(g), count);
            return;
        }
        forEachRow(rows, count, (at, from, n) -> add(grad, at, g, from, n));
    }

    /** {@link #accumulateRows(int[], double[], int)} of float rows (widened for a double-stored parameter). */
    public void accumulateRows(int[] rows, float[] g, int count) {
        if (floatValue == null) {
            accumulateRows(rows, widen(g), count);
            return;
        }
        forEachRow(rows, count, (at, from, n) -> add(floatGrad, at, g, from, n));
    }

    /** Adds {@code n} entries of a gradient row, from {@code from}, to the gradient at {@code at}. */
    @FunctionalInterface
    private interface RowAdd {
        void add(int at, int from, int n);
    }

    /** Each of the first {@code count} rows: added, and marked touched. */
    private void forEachRow(int[] rows, int count, RowAdd add) {
        int cols = value.cols();
        for (int k = 0; k < count; k++) {
            add.add(rows[k] * cols, k * cols, cols);
            touch(rows[k]);
        }
    }

    private static void add(double[] target, int at, double[] g, int from, int n) {
        for (int c = 0; c < n; c++) {
            target[at + c] += g[from + c];
        }
    }

    private static void add(float[] target, int at, float[] g, int from, int n) {
        for (int c = 0; c < n; c++) {
            target[at + c] += g[from + c];
        }
    }

    private void touch(int row) {
        if (rowSparse && !rowTouched[row]) {
            rowTouched[row] = true;
            if (touchedCount == touchedList.length) {
                touchedList = Arrays.copyOf(touchedList, 2 * touchedCount);
            }
            touchedList[touchedCount++] = row;
            sortedTouched = null;
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
        return sortedTouched().clone();
    }

    /** The touched rows ascending, computed once per set of touched rows; not to be changed. */
    private int[] sortedTouched() {
        if (sortedTouched == null) {
            sortedTouched = touchedCount >= value.rows() / SCAN_FRACTION ? scanTouched() : sortTouched();
        }
        return sortedTouched;
    }

    private int[] sortTouched() {
        int[] sorted = Arrays.copyOf(touchedList, touchedCount);
        Arrays.sort(sorted);
        return sorted;
    }

    // the same list as sortTouched(): a pass over the flags, cheaper once a step touches many rows
    // (an item table's 3,000-4,000 of 6,180 rows: sorting them took 1.2% of a tape-f32 step)
    private int[] scanTouched() {
        int[] rows = new int[touchedCount];
        int n = 0;
        for (int r = 0; n < touchedCount; r++) {
            if (rowTouched[r]) {
                rows[n++] = r;
            }
        }
        return rows;
    }

    /** A pass over the entries {@code from} (inclusive) to {@code to} (exclusive), row-major. */
    @FunctionalInterface
    public interface EntryRange {
        void visit(int from, int to);
    }

    /**
     * Visits the entries whose gradient may be non-zero: all of them at once when
     * {@link #allRowsTouched()}, else each touched row, ascending. What optimizers, clipping and
     * norms run over, whatever the storage.
     */
    public void forEachTouchedRange(EntryRange range) {
        if (allRowsTouched()) {
            range.visit(0, value.size());
            return;
        }
        int cols = value.cols();
        for (int row : sortedTouched()) {
            range.visit(row * cols, row * cols + cols);
        }
    }

    /** Clears the gradient (only the touched rows of a row-sparse parameter). */
    public void zeroGrad() {
        if (rowSparse && !denseTouched) {
            int cols = value.cols();
            for (int i = 0; i < touchedCount; i++) {
                clear(touchedList[i] * cols, touchedList[i] * cols + cols);
            }
        } else {
            clear(0, grad.length);
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

    private void clear(int from, int to) {
        if (floatValue != null) {
            Arrays.fill(floatGrad, from, to, 0f);
        } else {
            Arrays.fill(grad, from, to, 0.0);
        }
    }

    /** Optimizer state under a name, created as zeros of the value's size on first use; stored in float, see {@link #floatSlot}. */
    public double[] slot(String slotName) {
        requireDouble("optimizer state", "floatSlot(name)");
        // looked up for every parameter on every step: a plain get, the lambda only the first time
        double[] s = slots.get(slotName);
        return s != null ? s : slots.computeIfAbsent(slotName, k -> new double[value.size()]);
    }

    /** Names of the optimizer slots that exist, in creation order. */
    public Set<String> slotNames() {
        return floatValue != null ? floatSlots.keySet() : slots.keySet();
    }

    /** A slot's content as doubles, for saving: the slot itself, or a widened copy of a float one. */
    public double[] slotValues(String slotName) {
        return floatValue != null ? widen(floatSlot(slotName)) : slot(slotName);
    }

    /** Replaces a slot's content (used when loading saved optimizer state). */
    public void setSlot(String slotName, double[] content) {
        if (content.length != value.size()) {
            throw new IllegalArgumentException("slot '" + slotName + "' of '" + name + "' needs "
                    + value.size() + " values, got " + content.length);
        }
        if (floatValue != null) {
            float[] f = new float[content.length];
            narrow(content, f);
            floatSlots.put(slotName, f);
            return;
        }
        slots.put(slotName, content);
    }

    private static float[] narrowed(double[] from) {
        float[] f = new float[from.length];
        narrow(from, f);
        return f;
    }

    private static void narrow(double[] from, float[] to) {
        for (int k = 0; k < from.length; k++) {
            to[k] = (float) from[k];
        }
    }

    private static double[] widen(float[] from) {
        double[] d = new double[from.length];
        for (int k = 0; k < from.length; k++) {
            d[k] = from[k];
        }
        return d;
    }

    @Override
    public String toString() {
        return "Parameter[" + name + " " + Arrays.toString(value.shape()) + (rowSparse ? " row-sparse" : "")
                + (trainable ? "" : " frozen") + (floatValue != null ? " float" : "") + "]";
    }
}
