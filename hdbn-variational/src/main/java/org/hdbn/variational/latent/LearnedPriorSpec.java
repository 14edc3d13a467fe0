package org.hdbn.variational.latent;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.SpecException;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;
import org.hdbn.prob.Normal;
import org.hdbn.tensor.Tensor;

/**
 * A learned diagonal Gaussian prior {@code N(m, softplus(r)^2)}, shared by every row: parameters
 * {@code node/prior_mean} (zeros) and {@code node/prior_rho} (so the initial scale is
 * {@code initScale}), trained through the KL term together with the posterior.
 *
 * @param initScale  the initial prior standard deviation; default 1
 */
@JsonClassDescription("latent prior: a learned diagonal Gaussian N(m, softplus(r)^2) shared by every row")
public record LearnedPriorSpec(Double initScale) implements LatentPriorSpec {

    public LearnedPriorSpec {
        initScale = initScale == null ? 1.0 : initScale;
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new SpecException("learned prior: field initScale must be positive and finite, got " + initScale);
        }
    }

    @Override
    public LatentPrior build(BuildContext ctx, int size) {
        String name = ctx.nodeName() + "/prior";
        // softplus^-1(s) = log(e^s - 1), so softplus(rho) starts at the asked scale
        double rho0 = Math.log(Math.expm1(initScale));
        Parameter mean = ctx.store().getOrCreate(name + "_mean", new int[] {size}, Initializer.zeros(), ctx.initRng(name));
        Parameter rho = ctx.store().getOrCreate(name + "_rho", new int[] {size}, Initializer.constant(rho0),
                ctx.initRng(name));
        return (f, q) -> {
            Graph g = f.graph();
            // broadcast to the posterior's shape so densities and samples have one row per example
            Var zeros = g.constant(Tensor.zeros(q.shape()));
            return new Normal(g.add(zeros, g.param(mean)), g.add(zeros, g.softplus(g.param(rho))));
        };
    }
}
