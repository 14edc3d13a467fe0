package org.example.hdbn.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.prob.KlEstimate;
import org.hdbn.prob.KlRegistry;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * The mixture's density and its KL bound: gradients against finite differences (the helper from
 * hdbn-testing), the density against a sum computed by hand, the bound exact for one component
 * and above a seeded Monte Carlo estimate of the true KL otherwise.
 */
class GaussianMixtureTest {

    static final AutodiffEngine ENGINE = Engines.byName("tape");
    static final int ROWS = 2;
    static final int DIM = 3;
    static final int K = 3;

    /** Parameters: x [ROWS, DIM], logits [K], then K means and K rhos [DIM]; q's mean and rho [ROWS, DIM]. */
    static List<Parameter> parameters(UniformRandomProvider rng) {
        List<Parameter> ps = new ArrayList<>();
        ps.add(new Parameter("x", GradientCheck.randomLike(new int[] {ROWS, DIM}, rng), false));
        ps.add(new Parameter("logits", GradientCheck.randomLike(new int[] {K}, rng), false));
        for (int k = 0; k < 2 * K; k++) {
            ps.add(new Parameter("c" + k, GradientCheck.randomLike(new int[] {DIM}, rng), false));
        }
        ps.add(new Parameter("q_mean", GradientCheck.randomLike(new int[] {ROWS, DIM}, rng), false));
        ps.add(new Parameter("q_rho", GradientCheck.randomLike(new int[] {ROWS, DIM}, rng), false));
        return ps;
    }

    static GaussianMixture mixture(Graph g, List<Var> in, int components) {
        Var logWeights = g.reshape(g.logSoftmax(g.reshape(g.columns(g.reshape(in.get(1), 1, K), 0, components),
                1, components)), components);
        List<Var> means = new ArrayList<>();
        List<Var> scales = new ArrayList<>();
        for (int k = 0; k < components; k++) {
            means.add(in.get(2 + k));
            scales.add(g.softplus(in.get(2 + K + k)));
        }
        return new GaussianMixture(logWeights, means, scales, new int[] {ROWS, DIM});
    }

    static Normal posterior(Graph g, List<Var> in) {
        return new Normal(in.get(2 + 2 * K), g.softplus(in.get(3 + 2 * K)));
    }

    @Test
    void logDensityGradientsMatchFiniteDifferences() {
        UniformRandomProvider rng = RandomStreams.create(1, "mixture-test");
        double error = GradientCheck.maxError(ENGINE, parameters(rng),
                (g, in) -> mixture(g, in, K).logProb(g, in.get(0)), rng);
        assertTrue(error < 1e-6, "largest relative gradient error " + error);
    }

    @Test
    void klBoundGradientsMatchFiniteDifferences() {
        UniformRandomProvider rng = RandomStreams.create(2, "mixture-test");
        double error = GradientCheck.maxError(ENGINE, parameters(rng),
                (g, in) -> MixtureKl.upperBound(g, posterior(g, in), mixture(g, in, K)), rng);
        assertTrue(error < 1e-6, "largest relative gradient error " + error);
    }

    @Test
    void logDensityIsTheWeightedSumOfTheComponentDensities() {
        List<Parameter> ps = parameters(RandomStreams.create(3, "mixture-test"));
        try (Graph g = ENGINE.openInference()) {
            List<Var> in = ps.stream().map(g::param).toList();
            double[] got = mixture(g, in, K).logProb(g, in.get(0)).value().data();
            double[] logits = ps.get(1).value().data();
            double norm = 0;
            for (double l : logits) {
                norm += Math.exp(l);
            }
            for (int r = 0; r < ROWS; r++) {
                double density = 0;
                for (int k = 0; k < K; k++) {
                    double logN = 0;
                    for (int d = 0; d < DIM; d++) {
                        double x = ps.get(0).value().data()[r * DIM + d];
                        double m = ps.get(2 + k).value().data()[d];
                        double s = Math.log1p(Math.exp(ps.get(2 + K + k).value().data()[d]));
                        logN += -0.5 * Math.pow((x - m) / s, 2) - Math.log(s) - 0.5 * Math.log(2 * Math.PI);
                    }
                    density += Math.exp(logits[k]) / norm * Math.exp(logN);
                }
                assertEquals(Math.log(density), got[r], 1e-12);
            }
        }
    }

    @Test
    void boundIsTheExactKlForOneComponent() {
        List<Parameter> ps = parameters(RandomStreams.create(4, "mixture-test"));
        try (Graph g = ENGINE.openInference()) {
            List<Var> in = ps.stream().map(g::param).toList();
            GaussianMixture one = mixture(g, in, 1);
            double[] bound = MixtureKl.upperBound(g, posterior(g, in), one).value().data();
            double[] exact = Normal.kl(g, posterior(g, in), one.component(g, 0)).value().data();
            for (int r = 0; r < ROWS; r++) {
                assertEquals(exact[r], bound[r], 1e-12);
            }
        }
    }

    /**
     * The registry uses the bound (the extension registers it through KlProvider), and the bound
     * lies between the true KL, estimated without bias from 20,000 seeded draws (it must not fall 4
     * standard errors below the estimate), and the weaker convexity bound {@code sum_k pi_k KL(q || p_k)}.
     */
    @Test
    void registeredBoundIsAboveTheMonteCarloKl() {
        KlRegistry registry = KlRegistry.withInstalled();
        List<Parameter> ps = parameters(RandomStreams.create(5, "mixture-test"));
        int draws = 20_000;
        UniformRandomProvider rng = RandomStreams.create(6, "mixture-mc");
        try (Graph g = ENGINE.openInference()) {
            List<Var> in = ps.stream().map(g::param).toList();
            Normal q = posterior(g, in);
            GaussianMixture p = mixture(g, in, K);
            assertTrue(registry.hasClosedForm(Normal.class, GaussianMixture.class));
            double[] bound = registry.kl(g, q, p, KlEstimate.EXACT_OR_MONTE_CARLO, null, 0).value().data();
            double[] convexity = new double[ROWS];
            double[] weights = g.softmax(p.logWeightRow(g)).value().data();
            for (int k = 0; k < K; k++) {
                double[] klK = Normal.kl(g, q, p.component(g, k)).value().data();
                for (int r = 0; r < ROWS; r++) {
                    convexity[r] += weights[k] * klK[r];
                }
            }
            double[] sum = new double[ROWS];
            double[] sumSq = new double[ROWS];
            for (int s = 0; s < draws; s++) {
                double[] v = registry.kl(g, q, p, KlEstimate.MONTE_CARLO, rng, 1).value().data();
                for (int r = 0; r < ROWS; r++) {
                    sum[r] += v[r];
                    sumSq[r] += v[r] * v[r];
                }
            }
            for (int r = 0; r < ROWS; r++) {
                double mean = sum[r] / draws;
                double se = Math.sqrt((sumSq[r] / draws - mean * mean) / draws);
                assertTrue(bound[r] > mean - 4 * se, "row " + r + ": bound " + bound[r] + " below the KL " + mean);
                assertTrue(bound[r] <= convexity[r] + 1e-12, "row " + r + ": bound " + bound[r] + " above "
                        + convexity[r]);
            }
        }
    }

    @Test
    void samplesFollowTheWeights() {
        List<Parameter> ps = parameters(RandomStreams.create(7, "mixture-test"));
        // one component far away with almost all the weight: every draw lands near its mean
        ps.get(1).value().data()[0] = 20;
        ps.get(2).value().data()[0] = 100;
        try (Graph g = ENGINE.openInference()) {
            List<Var> in = ps.stream().map(g::param).toList();
            Tensor z = mixture(g, in, K).rsample(g, RandomStreams.create(8, "draws")).value();
            for (int r = 0; r < ROWS; r++) {
                assertTrue(Math.abs(z.data()[r * DIM] - 100) < 10, "draw " + z.data()[r * DIM]);
            }
        }
    }
}
