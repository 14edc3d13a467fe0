package org.hdbn.optim;

import java.util.Collection;
import java.util.List;
import org.hdbn.concurrent.TaskRunner;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.Sums;

/**
 * Clipping by the global L2 norm over all trainable gradients (Pascanu et al. 2013). The squares
 * are summed per parameter, then over parameters in order, so the norm is the same whether the
 * parameters are visited by one thread or several.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** The L2 norm of the gradients of the trainable parameters (touched rows only). */
    public static double globalNorm(Collection<Parameter> parameters) {
        return globalNorm(parameters, TaskRunner.sequential());
    }

    /** {@link #globalNorm(Collection)}, the parameters' sums of squares computed by {@code runner}. */
    public static double globalNorm(Collection<Parameter> parameters, TaskRunner runner) {
        List<Parameter> list = List.copyOf(parameters);
        double[] squares = new double[list.size()];
        runner.run(list.size(), i -> squares[i] = sumOfSquares(list.get(i)));
        double s = 0;
        for (double q : squares) {
            s += q;
        }
        return Math.sqrt(s);
    }

    /**
     * Scales all trainable gradients by {@code maxNorm / norm} when the global norm exceeds
     * {@code maxNorm}. Returns the norm before clipping (non-finite when a gradient is, in which
     * case nothing is scaled and the caller must decide).
     */
    public static double clipGlobalNorm(Collection<Parameter> parameters, double maxNorm) {
        return clipGlobalNorm(parameters, maxNorm, TaskRunner.sequential());
    }

    /** {@link #clipGlobalNorm(Collection, double)} with the per-parameter work run by {@code runner}. */
    public static double clipGlobalNorm(Collection<Parameter> parameters, double maxNorm, TaskRunner runner) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clip norm must be positive, got " + maxNorm);
        }
        double norm = globalNorm(parameters, runner);
        if (Double.isFinite(norm) && norm > maxNorm) {
            double f = maxNorm / norm;
            List<Parameter> list = List.copyOf(parameters);
            runner.run(list.size(), i -> scale(list.get(i), f));
        }
        return norm;
    }

    private static double sumOfSquares(Parameter p) {
        if (!p.trainable()) {
            return 0;
        }
        double[] g = p.grad();
        if (p.allRowsTouched()) {
            return Sums.sumOfSquares(g, 0, g.length);
        }
        int cols = p.value().cols();
        double s = 0;
        for (int row : p.touchedRows()) {
            s += Sums.sumOfSquares(g, row * cols, row * cols + cols);
        }
        return s;
    }

    private static void scale(Parameter p, double f) {
        if (!p.trainable()) {
            return;
        }
        double[] g = p.grad();
        if (p.allRowsTouched()) {
            for (int k = 0; k < g.length; k++) {
                g[k] *= f;
            }
            return;
        }
        int cols = p.value().cols();
        for (int row : p.touchedRows()) {
            for (int k = row * cols, end = k + cols; k < end; k++) {
                g[k] *= f;
            }
        }
    }

}
