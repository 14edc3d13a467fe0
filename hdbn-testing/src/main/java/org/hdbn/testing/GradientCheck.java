package org.hdbn.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.Tensor;

/**
 * Compares the gradients an engine computes against central finite differences.
 *
 * <p>The scalar checked is {@code sum(f(inputs) * W)} with a fixed random weight tensor W, so every
 * output element contributes with its own weight. The error of one gradient entry is
 * {@code |analytic - numeric| / max(|analytic|, |numeric|, FLOOR)}: a relative error wherever the
 * gradient is at least FLOOR in size and an absolute error (scaled by 1/FLOOR) below that, where a
 * relative error means nothing. With step 1e-5 in double precision the truncation error is about
 * 1e-10 and the round-off about 1e-11 * |loss|, well under the 1e-6 the tests demand.
 */
public final class GradientCheck {

    public static final double STEP = 1e-5;
    public static final double FLOOR = 1e-3;

    private GradientCheck() {
    }

    /** The largest error over all entries of all parameters, for a function of the parameters. */
    public static double maxError(AutodiffEngine engine, List<Parameter> params,
            BiFunction<Graph, List<Var>, Var> f, UniformRandomProvider rng) {
        Tensor weights = null;
        try (Graph g = engine.open()) {
            List<Var> in = bind(g, params);
            Var out = f.apply(g, in);
            weights = randomLike(out.shape(), rng);
            g.backward(g.sum(g.mul(out, g.constant(weights))));
        }
        double worst = 0;
        for (Parameter p : params) {
            double[] analytic = p.grad().clone();
            double[] v = p.value().data();
            for (int k = 0; k < v.length; k++) {
                double saved = v[k];
                v[k] = saved + STEP;
                double up = evaluate(engine, params, f, weights);
                v[k] = saved - STEP;
                double down = evaluate(engine, params, f, weights);
                v[k] = saved;
                double numeric = (up - down) / (2 * STEP);
                double scale = Math.max(FLOOR, Math.max(Math.abs(analytic[k]), Math.abs(numeric)));
                worst = Math.max(worst, Math.abs(analytic[k] - numeric) / scale);
            }
            p.zeroGrad();
        }
        return worst;
    }

    private static double evaluate(AutodiffEngine engine, List<Parameter> params,
            BiFunction<Graph, List<Var>, Var> f, Tensor weights) {
        try (Graph g = engine.openInference()) {
            Var out = f.apply(g, bind(g, params));
            return g.sum(g.mul(out, g.constant(weights))).value().item();
        }
    }

    private static List<Var> bind(Graph g, List<Parameter> params) {
        List<Var> in = new ArrayList<>();
        for (Parameter p : params) {
            in.add(g.param(p));
        }
        return in;
    }

    /** A tensor of the shape with values uniform on [-1, 1]. */
    public static Tensor randomLike(int[] shape, UniformRandomProvider rng) {
        Tensor t = Tensor.zeros(shape);
        double[] d = t.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = 2 * rng.nextDouble() - 1;
        }
        return t;
    }
}
