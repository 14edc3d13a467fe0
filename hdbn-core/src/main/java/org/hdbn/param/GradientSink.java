package org.hdbn.param;

/**
 * Where a backward pass adds parameter gradients. {@link #direct()} adds them to the parameters
 * themselves; a data-parallel step gives each shard of a batch but the first its own
 * {@link GradientBuffers}, added to the parameters afterwards in shard order, so the sums do not
 * depend on which thread ran which shard.
 *
 * <p>A sink reads the arrays it is given during the call and keeps no reference to them.
 */
public interface GradientSink {

    /** Adds a gradient for the whole value of {@code p} (row-major like the value). */
    void add(Parameter p, double[] gradient);

    /**
     * Adds gradient rows: row {@code k} of {@code gradient} (as wide as the value) to row
     * {@code rows[k]} of {@code p}; repeated rows add up.
     */
    void addRows(Parameter p, int[] rows, double[] gradient);

    /**
     * An array, shaped like p's value, to which a pass may add p's whole-value gradient in place
     * instead of filling its own array and calling {@link #add}; null when the sink offers none.
     * Asking for it counts as a whole-value gradient of p.
     */
    default double[] denseTarget(Parameter p) {
        return null;
    }

    /** {@link #denseTarget} for a float-stored parameter: a float array, or null when the sink offers none. */
    default float[] floatTarget(Parameter p) {
        return null;
    }

    /** {@link #addRows(Parameter, int[], double[])} of float rows; widened to double unless the sink takes floats. */
    default void addRows(Parameter p, int[] rows, float[] gradient) {
        double[] d = new double[gradient.length];
        for (int k = 0; k < d.length; k++) {
            d[k] = gradient[k];
        }
        addRows(p, rows, d);
    }

    /** The sink that adds straight into {@link Parameter#grad()}. */
    static GradientSink direct() {
        return Direct.INSTANCE;
    }

    /** Stateless, hence one shared instance. */
    enum Direct implements GradientSink {
        INSTANCE;

        @Override
        public void add(Parameter p, double[] gradient) {
            p.accumulate(gradient);
        }

        @Override
        public void addRows(Parameter p, int[] rows, double[] gradient) {
            p.accumulateRows(rows, gradient);
        }

        @Override
        public double[] denseTarget(Parameter p) {
            return p.storage() == ParameterStorage.DOUBLE ? p.denseGradient() : null;
        }

        @Override
        public float[] floatTarget(Parameter p) {
            return p.storage() == ParameterStorage.FLOAT ? p.floatDenseGradient() : null;
        }

        @Override
        public void addRows(Parameter p, int[] rows, float[] gradient) {
            p.accumulateRows(rows, gradient, rows.length);
        }
    }
}
