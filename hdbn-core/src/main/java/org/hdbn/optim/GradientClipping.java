package org.hdbn.optim;

import java.util.Collection;
import org.hdbn.param.Parameter;

/** Clipping by the global L2 norm over all trainable gradients (Pascanu et al. 2013). */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** The L2 norm of the gradients of the trainable parameters (touched rows only). */
    public static double globalNorm(Collection<Parameter> parameters) {
        double s = 0;
        for (Parameter p : parameters) {
            if (!p.trainable()) {
                continue;
            }
            double[] g = p.grad();
            int cols = p.value().cols();
            for (int row : p.touchedRows()) {
                for (int k = row * cols, end = k + cols; k < end; k++) {
                    s += g[k] * g[k];
                }
            }
        }
        return Math.sqrt(s);
    }

    /**
     * Scales all trainable gradients by {@code maxNorm / norm} when the global norm exceeds
     * {@code maxNorm}. Returns the norm before clipping (non-finite when a gradient is, in which
     * case nothing is scaled and the caller must decide).
     */
    public static double clipGlobalNorm(Collection<Parameter> parameters, double maxNorm) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clip norm must be positive, got " + maxNorm);
        }
        double norm = globalNorm(parameters);
        if (Double.isFinite(norm) && norm > maxNorm) {
            double f = maxNorm / norm;
            for (Parameter p : parameters) {
                if (!p.trainable()) {
                    continue;
                }
                double[] g = p.grad();
                int cols = p.value().cols();
                for (int row : p.touchedRows()) {
                    for (int k = row * cols, end = k + cols; k < end; k++) {
                        g[k] *= f;
                    }
                }
            }
        }
        return norm;
    }
}
