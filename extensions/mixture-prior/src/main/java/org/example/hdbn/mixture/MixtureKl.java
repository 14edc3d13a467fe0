package org.example.hdbn.mixture;

import java.util.ArrayList;
import java.util.List;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.prob.KlProvider;
import org.hdbn.prob.KlRegistry;
import org.hdbn.prob.Normal;

/**
 * Registers {@code KL(Normal || GaussianMixture)} as the variational upper bound of Hershey and
 * Olsen (2007, "Approximating the Kullback Leibler divergence between Gaussian mixture models",
 * eq. 18 with a single Gaussian on the left):
 * {@code KL(q || sum_k pi_k p_k) <= -log sum_k pi_k exp(-KL(q || p_k))}.
 * It follows from Jensen's inequality on {@code log p}, is exact for one component, and is a
 * closed form in the components' Gaussian KLs, so it is cheap and has no sampling noise. A spec
 * that wants the unbiased (noisy) estimate instead asks for {@code "klEstimate": "monte_carlo"}.
 */
public final class MixtureKl implements KlProvider {

    @Override
    public void register(KlRegistry registry) {
        registry.register(Normal.class, GaussianMixture.class, MixtureKl::upperBound);
    }

    /** The bound, one value per row. */
    public static Var upperBound(Graph g, Normal q, GaussianMixture p) {
        List<Var> columns = new ArrayList<>();
        int rows = q.shape()[0];
        for (int k = 0; k < p.components(); k++) {
            Normal c = p.component(g, k);
            columns.add(g.reshape(g.neg(Normal.kl(g, q, c)), rows, 1));
        }
        Var logTerms = g.add(g.concat(columns.toArray(Var[]::new)), p.logWeightRow(g));
        return g.neg(GaussianMixture.logSumExpRows(g, logTerms));
    }
}
