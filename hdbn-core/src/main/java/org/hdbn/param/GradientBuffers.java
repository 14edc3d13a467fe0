package org.hdbn.param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link GradientSink} that keeps the gradients of one pass apart from the parameters: a dense
 * buffer per parameter, and for row-sparse gradients the rows in the order they came. One instance
 * serves one pass at a time; {@link #addTo()} adds everything to the parameters (row gradients in
 * arrival order) and empties the buffers, which keep their capacity for the next pass. A
 * {@linkplain ParameterStorage#FLOAT float-stored} parameter's gradient is buffered in float.
 */
public final class GradientBuffers implements GradientSink {

    /** A parameter's pending gradient: a dense buffer, or rows with their values. */
    private static final class Pending {
        double[] dense;
        boolean denseUsed;
        int[] rows = new int[0];
        double[] rowValues = new double[0];
        int rowCount;
        // the same for a float-stored parameter
        float[] floatDense;
        float[] floatRowValues = new float[0];
    }

    private final Map<Parameter, Pending> pending = new IdentityHashMap<>();
    // the parameters in the order they first received gradient, so addTo() has a fixed order
    private final List<Parameter> order = new ArrayList<>();

    @Override
    public void add(Parameter p, double[] gradient) {
        if (p.storage() == ParameterStorage.FLOAT) {
            float[] f = floatTarget(p);
            checkLength(p, gradient.length, f.length);
            for (int k = 0; k < f.length; k++) {
                f[k] += (float) gradient[k];
            }
            return;
        }
        Pending b = pendingOf(p);
        if (b.dense == null) {
            b.dense = new double[p.size()];
        }
        checkLength(p, gradient.length, b.dense.length);
        double[] d = b.dense;
        for (int k = 0; k < d.length; k++) {
            d[k] += gradient[k];
        }
        b.denseUsed = true;
    }

    private static void checkLength(Parameter p, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException("gradient of " + length + " values for '" + p.name() + "' of "
                    + expected);
        }
    }

    @Override
    public double[] denseTarget(Parameter p) {
        if (p.storage() == ParameterStorage.FLOAT) {
            return null;
        }
        Pending b = pendingOf(p);
        if (b.dense == null) {
            b.dense = new double[p.size()];
        }
        b.denseUsed = true;
        return b.dense;
    }

    @Override
    public float[] floatTarget(Parameter p) {
        if (p.storage() == ParameterStorage.DOUBLE) {
            return null;
        }
        Pending b = pendingOf(p);
        b.floatDense = b.floatDense != null ? b.floatDense : new float[p.size()];
        b.denseUsed = true;
        return b.floatDense;
    }

    @Override
    public void addRows(Parameter p, int[] rows, double[] gradient) {
        if (p.storage() == ParameterStorage.FLOAT) {
            float[] f = new float[gradient.length];
            for (int k = 0; k < f.length; k++) {
                f[k] = (float) gradient[k];
            }
            addFloatRows(p, rows, f, rows.length);
            return;
        }
        addRows(p, rows, gradient, rows.length);
    }

    @Override
    public void addRows(Parameter p, int[] rows, float[] gradient) {
        if (p.storage() == ParameterStorage.DOUBLE) {
            GradientSink.super.addRows(p, rows, gradient);
            return;
        }
        addFloatRows(p, rows, gradient, rows.length);
    }

    private void addFloatRows(Parameter p, int[] rows, float[] gradient, int count) {
        Pending b = pendingOf(p);
        int at = appendRows(b, rows, count) * p.cols();
        b.floatRowValues = atLeast(b.floatRowValues, at + count * p.cols());
        System.arraycopy(gradient, 0, b.floatRowValues, at, count * p.cols());
    }

    private void addRows(Parameter p, int[] rows, double[] gradient, int count) {
        Pending b = pendingOf(p);
        int at = appendRows(b, rows, count) * p.cols();
        b.rowValues = atLeast(b.rowValues, at + count * p.cols());
        System.arraycopy(gradient, 0, b.rowValues, at, count * p.cols());
    }

    /** Appends the row indices; returns how many rows were there before. */
    private static int appendRows(Pending b, int[] rows, int count) {
        int before = b.rowCount;
        if (before + count > b.rows.length) {
            b.rows = Arrays.copyOf(b.rows, Math.max(before + count, 2 * b.rows.length));
        }
        System.arraycopy(rows, 0, b.rows, before, count);
        b.rowCount = before + count;
        return before;
    }

    private static double[] atLeast(double[] a, int length) {
        return a.length >= length ? a : Arrays.copyOf(a, Math.max(length, 2 * a.length));
    }

    private static float[] atLeast(float[] a, int length) {
        return a.length >= length ? a : Arrays.copyOf(a, Math.max(length, 2 * a.length));
    }

    /** Adds the buffered gradients to the parameters and clears the buffers. */
    public void addTo() {
        for (Parameter p : order) {
            addTo(p);
        }
    }

    /**
     * Adds the gradient buffered for one parameter to it and clears that buffer; touches nothing
     * else, so different parameters can be done on different threads.
     */
    public void addTo(Parameter p) {
        Pending b = pendingOrNull(p);
        if (b == null) {
            return;
        }
        boolean inFloat = p.storage() == ParameterStorage.FLOAT;
        // a fixed order: rows (in arrival order), then the dense part
        if (b.rowCount > 0) {
            if (inFloat) {
                p.accumulateRows(b.rows, b.floatRowValues, b.rowCount);
            } else {
                p.accumulateRows(b.rows, b.rowValues, b.rowCount);
            }
            b.rowCount = 0;
        }
        if (b.denseUsed) {
            if (inFloat) {
                addAndClear(b.floatDense, p.floatDenseGradient());
            } else {
                p.accumulateAndClear(b.dense);
            }
            b.denseUsed = false;
        }
    }

    /**
     * Moves the gradient buffered for one parameter into another buffer (dense parts added, rows
     * appended after the target's) and clears it here: one step of a reduction tree over shards.
     * Touches nothing but p's entries, so different parameters can be done on different threads.
     */
    public void addTo(GradientBuffers target, Parameter p) {
        Pending b = pendingOrNull(p);
        if (b == null) {
            return;
        }
        if (p.storage() == ParameterStorage.FLOAT) {
            if (b.rowCount > 0) {
                target.addFloatRows(p, b.rows, b.floatRowValues, b.rowCount);
                b.rowCount = 0;
            }
            if (b.denseUsed) {
                addAndClear(b.floatDense, target.floatTarget(p));
                b.denseUsed = false;
            }
            return;
        }
        if (b.rowCount > 0) {
            target.addRows(p, b.rows, b.rowValues, b.rowCount);
            b.rowCount = 0;
        }
        if (b.denseUsed) {
            double[] d = target.denseTarget(p);
            double[] from = b.dense;
            // added and cleared in one pass over the buffer
            for (int k = 0; k < d.length; k++) {
                d[k] += from[k];
                from[k] = 0;
            }
            b.denseUsed = false;
        }
    }

    /** {@code to += from}, clearing {@code from} in the same pass. */
    private static void addAndClear(float[] from, float[] to) {
        for (int k = 0; k < to.length; k++) {
            to[k] += from[k];
            from[k] = 0;
        }
    }

    /** Drops the buffered gradients without adding them (after a failed pass). */
    public void clear() {
        for (Pending b : pending.values()) {
            if (b.denseUsed) {
                if (b.dense != null) {
                    Arrays.fill(b.dense, 0.0);
                }
                if (b.floatDense != null) {
                    Arrays.fill(b.floatDense, 0f);
                }
                b.denseUsed = false;
            }
            b.rowCount = 0;
        }
    }

    private synchronized Pending pendingOrNull(Parameter p) {
        return pending.get(p);
    }

    // synchronized: a reduction tree moves several parameters into one buffer at once
    private synchronized Pending pendingOf(Parameter p) {
        Pending b = pending.get(p);
        if (b == null) {
            b = new Pending();
            pending.put(p, b);
            order.add(p);
        }
        return b;
    }
}
