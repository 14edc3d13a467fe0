package org.hdbn.optim;

import java.util.Collection;
import java.util.List;
import org.hdbn.concurrent.TaskRunner;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStorage;
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
        return norm(squares(List.copyOf(parameters), runner));
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
        List<Parameter> list = List.copyOf(parameters);
        return clip(list, squares(list, runner), maxNorm, runner);
    }

    private static double[] squares(List<Parameter> list, TaskRunner runner) {
        double[] squares = new double[list.size()];
        runner.run(list.size(), i -> squares[i] = sumOfSquares(list.get(i)));
        return squares;
    }

    /**
     * {@link #clipGlobalNorm(Collection, double, TaskRunner)} with each parameter's
     * {@link #sumOfSquares} already known ({@code squares[i]} of {@code parameters.get(i)}): a caller
     * that has just written a gradient sums its squares while it is in the cache.
     */
    public static double clip(List<Parameter> parameters, double[] squares, double maxNorm, TaskRunner runner) {
        if (!(maxNorm > 0)) {
            throw new IllegalArgumentException("clip norm must be positive, got " + maxNorm);
        }
        double norm = norm(squares);
        if (Double.isFinite(norm) && norm > maxNorm) {
            double f = maxNorm / norm;
            runner.run(parameters.size(), i -> scale(parameters.get(i), f));
        }
        return norm;
    }

    /** The global norm from the parameters' sums of squares, added in order. */
    public static double norm(double[] squares) {
        double s = 0;
        for (double q : squares) {
            s += q;
        }
        return Math.sqrt(s);
    }

    /** The sum of the squares of a parameter's gradient (its touched rows); 0 for a frozen one. */
    public static double sumOfSquares(Parameter p) {
        if (!p.trainable()) {
            return 0;
        }
        // the ranges' sums added in order (a dense parameter's one range: 0 + s is s)
        double[] total = {0};
        if (p.storage() == ParameterStorage.FLOAT) {
            float[] g = p.floatGrad();
            p.forEachTouchedRange((from, to) -> total[0] += Sums.sumOf(g, from, to, true));
        } else {
            double[] g = p.grad();
            p.forEachTouchedRange((from, to) -> total[0] += Sums.sumOfSquares(g, from, to));
        }
        return total[0];
    }

    private static void scale(Parameter p, double f) {
        if (!p.trainable()) {
            return;
        }
        if (p.storage() == ParameterStorage.FLOAT) {
            float[] g = p.floatGrad();
            float ff = (float) f;
            p.forEachTouchedRange((from, to) -> {
                for (int k = from; k < to; k++) {
                    g[k] *= ff;
                }
            });
            return;
        }
        double[] g = p.grad();
        p.forEachTouchedRange((from, to) -> {
            for (int k = from; k < to; k++) {
                g[k] *= f;
            }
        });
    }
}
