package org.example.hdbn.mixture;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.ArrayList;
import java.util.List;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.SpecException;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;
import org.hdbn.variational.latent.LatentPrior;
import org.hdbn.variational.latent.LatentPriorSpec;

/**
 * A learned mixture-of-Gaussians prior for a latent node (spec type {@code gaussian_mixture}): a
 * multimodal prior for the latent emotion, the first open question of the HDBN paper (a single
 * Gaussian cannot put mass on "happy" and "sad" while keeping the space between empty). It creates
 * the parameters {@code NODE/prior_logits} ({@code [K]}, zeros: equal weights) and, per component
 * k, {@code NODE/prior_mean_k} (drawn from {@code N(0, spread^2)} so the components start apart)
 * and {@code NODE/prior_rho_k} (so the scale starts at {@code initScale}). All are trained through
 * the KL term; {@code "freeze": ["NODE/prior_"]} in a training stage holds them fixed.
 *
 * @param components  K, the number of components; default 4
 * @param initScale   every component's initial standard deviation; default 1
 * @param spread      the standard deviation of the initial means; default 1
 */
@JsonClassDescription("latent prior: a learned mixture of K diagonal Gaussians (extension hdbn-mixture-prior)")
public record MixturePriorSpec(Integer components, Double initScale, Double spread) implements LatentPriorSpec {

    public MixturePriorSpec {
        components = components == null ? 4 : components;
        initScale = initScale == null ? 1.0 : initScale;
        spread = spread == null ? 1.0 : spread;
        if (components < 1) {
            throw new SpecException("gaussian_mixture prior: field components must be at least 1, got " + components);
        }
        if (!(initScale > 0) || Double.isInfinite(initScale) || !(spread >= 0) || Double.isInfinite(spread)) {
            throw new SpecException("gaussian_mixture prior: fields initScale (positive) and spread (not negative) "
                    + "must be finite, got " + initScale + " and " + spread);
        }
    }

    @Override
    public LatentPrior build(BuildContext ctx, int size) {
        String name = ctx.nodeName() + "/prior";
        Parameter logits = ctx.store().getOrCreate(name + "_logits", new int[] {components}, Initializer.zeros(),
                ctx.initRng(name + "_logits"));
        // softplus^-1(s) = log(e^s - 1): softplus(rho) starts at initScale
        double rho0 = Math.log(Math.expm1(initScale));
        List<Parameter> means = new ArrayList<>();
        List<Parameter> rhos = new ArrayList<>();
        for (int k = 0; k < components; k++) {
            String mean = name + "_mean_" + k;
            means.add(ctx.store().getOrCreate(mean, new int[] {size}, Initializer.normal(spread), ctx.initRng(mean)));
            String rho = name + "_rho_" + k;
            rhos.add(ctx.store().getOrCreate(rho, new int[] {size}, Initializer.constant(rho0), ctx.initRng(rho)));
        }
        return (f, q) -> {
            Graph g = f.graph();
            Var logWeights = g.reshape(g.logSoftmax(g.reshape(g.param(logits), 1, components)), components);
            List<Var> m = new ArrayList<>();
            List<Var> s = new ArrayList<>();
            for (int k = 0; k < components; k++) {
                m.add(g.param(means.get(k)));
                s.add(g.softplus(g.param(rhos.get(k))));
            }
            return new GaussianMixture(logWeights, m, s, q.shape());
        };
    }
}
