package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.Batch;
import org.hdbn.graph.LossTerm;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.Activation;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlEstimate;
import org.hdbn.prob.KlRegistry;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.GradientCheck;
import org.hdbn.variational.bayes.BayesianDense;
import org.hdbn.variational.bayes.BayesianLayerConfig;
import org.hdbn.variational.bayes.GaussianPrior;
import org.hdbn.variational.bayes.ScaleMixtureNormal;
import org.hdbn.variational.bayes.ScaleMixturePrior;
import org.junit.jupiter.api.Test;

/**
 * KL divergences: closed forms against seeded Monte Carlo estimates (within 4 standard errors of
 * the estimate: a correct closed form fails with probability about 6e-5 per comparison), the
 * scale-mixture KL against numerical quadrature, KL of a distribution with itself, and the
 * gradients of a conditional prior's KL on both sides against finite differences.
 */
class KlTest {

    static final KlRegistry REGISTRY = KlRegistry.withDefaults();
    static final int DRAWS = 4000;

    /** Mean and standard error of repeated one-sample Monte Carlo estimates. */
    record Estimate(double mean, double se) {
    }

    interface ScalarDraw {
        double draw(int r);
    }

    static Estimate monteCarlo(ScalarDraw draw) {
        double sum = 0;
        double sumSq = 0;
        for (int r = 0; r < DRAWS; r++) {
            double v = draw.draw(r);
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / DRAWS;
        return new Estimate(mean, Math.sqrt((sumSq - DRAWS * mean * mean) / (DRAWS - 1) / DRAWS));
    }

    static BayesianDense layer(ParameterStore store, int in, int out, BayesianLayerConfig config) {
        return new BayesianDense(store, "l", in, out, Activation.IDENTITY, config, RandomStreams.create(8, "init"));
    }

    @Test
    void gaussianWeightPriorClosedFormMatchesMonteCarlo() {
        ParameterStore store = new ParameterStore();
        BayesianLayerConfig config = BayesianLayerConfig.defaults().withPrior(GaussianPrior.of(0.7)).withPosteriorRhoInit(-1);
        BayesianDense exact = layer(store, 3, 2, config.withKl(KlEstimate.EXACT, 1));
        BayesianDense sampled = layer(store, 3, 2, config.withKl(KlEstimate.MONTE_CARLO, 1));
        double closed;
        try (Graph g = Models.ENGINE.openInference()) {
            closed = exact.kl(g, REGISTRY, null).value().item();
        }
        Estimate mc = monteCarlo(r -> {
            try (Graph g = Models.ENGINE.openInference()) {
                return sampled.kl(g, REGISTRY, RandomStreams.create(8, "kl", r)).value().item();
            }
        });
        System.out.printf("weight KL, Gaussian prior: closed form %.5f, Monte Carlo %.5f +- %.5f (%.2f se)%n", closed,
                mc.mean(), mc.se(), Math.abs(closed - mc.mean()) / mc.se());
        assertThat(Math.abs(closed - mc.mean())).isLessThan(4 * mc.se());
    }

    @Test
    void scaleMixturePriorMonteCarloMatchesQuadrature() {
        ParameterStore store = new ParameterStore();
        ScaleMixturePrior prior = ScaleMixturePrior.of(0.25, 1.5, 0.1);
        BayesianLayerConfig config = BayesianLayerConfig.defaults().withPrior(prior).withPosteriorRhoInit(-1.5);
        BayesianDense layer = layer(store, 2, 1, config);
        // the weights' means are Glorot draws; give the bias a non-zero mean too
        store.get("l/bias_mu").value().data()[0] = 0.2;
        double[] mu = concat(store.get("l/weight_mu"), store.get("l/bias_mu"));
        double[] rho = concat(store.get("l/weight_rho"), store.get("l/bias_rho"));
        double quadrature = 0;
        for (int i = 0; i < mu.length; i++) {
            quadrature += klByQuadrature(mu[i], Math.log1p(Math.exp(rho[i])), prior);
        }
        Estimate mc = monteCarlo(r -> {
            try (Graph g = Models.ENGINE.openInference()) {
                return layer.kl(g, REGISTRY, RandomStreams.create(8, "mix", r)).value().item();
            }
        });
        System.out.printf("weight KL, scale-mixture prior: quadrature %.5f, Monte Carlo %.5f +- %.5f (%.2f se)%n",
                quadrature, mc.mean(), mc.se(), Math.abs(quadrature - mc.mean()) / mc.se());
        assertThat(Math.abs(quadrature - mc.mean())).isLessThan(4 * mc.se());
    }

    @Test
    void scaleMixtureHasNoClosedFormAndSaysSo() {
        ParameterStore store = new ParameterStore();
        BayesianDense layer = layer(store, 2, 1, BayesianLayerConfig.defaults()
                .withPrior(ScaleMixturePrior.of(0.5, 1, 0.01)).withKl(KlEstimate.EXACT, 1));
        try (Graph g = Models.ENGINE.openInference()) {
            assertThatThrownBy(() -> layer.kl(g, REGISTRY, null)).hasMessageContaining("Normal")
                    .hasMessageContaining("ScaleMixtureNormal");
        }
    }

    @Test
    void scaleMixtureLogDensityMatchesTheFormula() {
        double pi = 0.3;
        double s1 = 2.0;
        double s2 = 0.05;
        double[] x = {0.0, 0.3, -2.0, 40.0};
        double expected = 0;
        for (double v : x) {
            expected += Math.log(pi * gauss(v, s1) + (1 - pi) * gauss(v, s2));
        }
        try (Graph g = Models.ENGINE.openInference()) {
            double got = new ScaleMixtureNormal(new int[] {4}, pi, s1, s2).logProb(g, g.constant(Tensor.vector(x)))
                    .value().item();
            // far in the tail (x = 40) only the wide component matters; the formula stays exact
            assertThat(got).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * Math.abs(expected)));
        }
    }

    @Test
    void normalClosedFormMatchesMonteCarloPerRow() {
        Tensor mq = Tensor.matrix(new double[][] {{0.3, -1.0, 2.0}, {0.0, 0.5, -0.4}});
        Tensor sq = Tensor.matrix(new double[][] {{0.5, 1.2, 0.8}, {2.0, 0.3, 1.0}});
        Tensor mp = Tensor.matrix(new double[][] {{0.0, 0.0, 1.0}, {1.0, 0.4, 0.0}});
        Tensor sp = Tensor.matrix(new double[][] {{1.0, 0.7, 1.5}, {1.0, 0.5, 0.6}});
        double[] closed;
        try (Graph g = Models.ENGINE.openInference()) {
            closed = REGISTRY.exact(g, normal(g, mq, sq), normal(g, mp, sp)).value().data().clone();
        }
        for (int row = 0; row < 2; row++) {
            int r0 = row;
            Estimate mc = monteCarlo(r -> {
                try (Graph g = Models.ENGINE.openInference()) {
                    return KlRegistry.monteCarlo(g, normal(g, mq, sq), normal(g, mp, sp), RandomStreams.create(9, "n", r), 1)
                            .value().get(r0);
                }
            });
            System.out.printf("Normal KL row %d: closed form %.5f, Monte Carlo %.5f +- %.5f%n", row, closed[row], mc.mean(),
                    mc.se());
            assertThat(Math.abs(closed[row] - mc.mean())).isLessThan(4 * mc.se());
        }
    }

    @Test
    void klOfADistributionWithItselfIsZero() {
        Tensor m = Tensor.matrix(new double[][] {{0.3, -1.0}, {2.0, 0.5}});
        Tensor s = Tensor.matrix(new double[][] {{0.5, 1.2}, {0.8, 2.0}});
        try (Graph g = Models.ENGINE.openInference()) {
            Normal q = normal(g, m, s);
            assertThat(REGISTRY.exact(g, q, q).value().data()).containsExactly(0.0, 0.0);
            // every Monte Carlo term is log q(z) - log q(z), exactly 0
            assertThat(KlRegistry.monteCarlo(g, q, q, RandomStreams.create(1), 5).value().data()).containsExactly(0.0, 0.0);
            ScaleMixtureNormal mix = new ScaleMixtureNormal(new int[] {3}, 0.5, 1.0, 0.1);
            assertThat(KlRegistry.monteCarlo(g, mix, mix, RandomStreams.create(2), 5).value().item()).isEqualTo(0.0);
        }
        // a Bayesian layer whose posterior equals its prior: zero means, sigma = prior scale
        ParameterStore store = new ParameterStore();
        double scale = 0.4;
        BayesianDense layer = layer(store, 3, 2, BayesianLayerConfig.defaults().withPrior(GaussianPrior.of(scale))
                .withPosteriorRhoInit(Math.log(Math.expm1(scale))));
        Arrays.fill(store.get("l/weight_mu").value().data(), 0.0);
        try (Graph g = Models.ENGINE.openInference()) {
            assertThat(Math.abs(layer.kl(g, REGISTRY, null).value().item())).isLessThan(1e-12);
        }
    }

    @Test
    void conditionalPriorKlHasGradientsOnBothSides() {
        String json = Models.json("""
                {'formatVersion': 1, 'inputs': {'x': 'features'}, 'featureWidths': {'x': 3},
                 'nodes': {
                   'z1': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 2,
                          'encoder': {'type': 'mlp', 'hidden': [4], 'activation': 'tanh'}},
                   'z2': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 2,
                          'encoder': {'type': 'mlp', 'hidden': [4], 'activation': 'tanh'},
                          'prior': {'type': 'node', 'node': 'z1'}}}}
                """);
        ParameterStore store = new ParameterStore();
        ModelGraph model = Models.build(Models.read(json), store, 4, Map.of());
        Batch batch = new Batch(Map.of(), Map.of("x", Normal.standardNormal(new int[] {5, 3}, RandomStreams.create(4, "x"))));
        List<Parameter> params = List.copyOf(store.all());
        double error = GradientCheck.maxError(Models.ENGINE, params, (g, bound) -> kl2(model, g, batch),
                RandomStreams.create(4, "check"));
        System.out.printf("conditional prior KL: largest finite-difference gradient error %.2e%n", error);
        assertThat(error).isLessThan(1e-6);
        store.zeroGrads();
        try (Graph g = Models.ENGINE.open()) {
            g.backward(kl2(model, g, batch));
        }
        for (String side : List.of("z1/encoder", "z2/encoder")) {
            double norm = store.withPrefix(side).stream().flatMapToDouble(p -> Arrays.stream(p.grad())).map(Math::abs).sum();
            assertThat(norm).as("gradient of KL(q2 || q1) reaching %s", side).isGreaterThan(1e-3);
        }
    }

    private static Var kl2(ModelGraph model, Graph g, Batch batch) {
        List<LossTerm> losses = model.forward(g, batch, ForwardMode.train(RandomStreams.create(4, "pass")), List.of("z2"))
                .losses();
        return losses.stream().filter(t -> t.name().equals("z2/kl")).findFirst().orElseThrow().value();
    }

    private static Normal normal(Graph g, Tensor mean, Tensor scale) {
        return new Normal(g.constant(mean), g.constant(scale));
    }

    private static double[] concat(Parameter a, Parameter b) {
        double[] x = a.value().data();
        double[] y = b.value().data();
        double[] out = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }

    private static double gauss(double x, double s) {
        return Math.exp(-0.5 * x * x / (s * s)) / (s * Math.sqrt(2 * Math.PI));
    }

    /**
     * {@code KL(N(m, s^2) || mixture)} by composite Simpson's rule over m +- 12 s, where the
     * Gaussian's mass outside is below 1e-30; 24001 points make the rule's error negligible.
     */
    private static double klByQuadrature(double m, double s, ScaleMixturePrior p) {
        int n = 24000;
        double a = m - 12 * s;
        double h = 24 * s / n;
        double total = 0;
        for (int i = 0; i <= n; i++) {
            double w = a + i * h;
            double q = gauss(w - m, s);
            double prior = p.pi() * gauss(w, p.sigma1()) + (1 - p.pi()) * gauss(w, p.sigma2());
            double f = q > 0 ? q * (Math.log(q) - Math.log(prior)) : 0;
            total += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return total * h / 3;
    }
}
