package org.hdbn.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class NormalTest {

    static final AutodiffEngine ENGINE = Engines.byName("tape");
    static final Tensor MU_P = Tensor.of(new double[] {0.3, -1.2, 2.0, 0.0}, 2, 2);
    static final Tensor SD_P = Tensor.of(new double[] {0.5, 1.5, 0.8, 2.0}, 2, 2);
    static final Tensor MU_Q = Tensor.of(new double[] {-0.4, 0.1, 1.0, 0.5}, 2, 2);
    static final Tensor SD_Q = Tensor.of(new double[] {1.0, 0.7, 1.1, 1.3}, 2, 2);

    @Test
    void logProbAndEntropyMatchCommonsStatistics() {
        try (Graph g = ENGINE.openInference()) {
            Normal p = new Normal(g.constant(MU_P), g.constant(SD_P));
            Tensor x = Tensor.of(new double[] {0.1, 0.2, -0.3, 4.0}, 2, 2);
            double[] lp = p.logProb(g, g.constant(x)).value().data();
            double[] h = p.entropy(g).value().data();
            for (int r = 0; r < 2; r++) {
                double expectLp = 0;
                double expectH = 0;
                for (int c = 0; c < 2; c++) {
                    NormalDistribution d = NormalDistribution.of(MU_P.get(r, c), SD_P.get(r, c));
                    expectLp += d.logDensity(x.get(r, c));
                    expectH += 0.5 * Math.log(2 * Math.PI * Math.E * SD_P.get(r, c) * SD_P.get(r, c));
                }
                assertThat(lp[r]).isCloseTo(expectLp, within(1e-12));
                assertThat(h[r]).isCloseTo(expectH, within(1e-12));
            }
        }
    }

    @Test
    void closedFormKlAgreesWithMonteCarloWithinFourStandardErrors() {
        KlRegistry registry = KlRegistry.withDefaults();
        UniformRandomProvider rng = RandomStreams.create(11);
        int n = 20000;
        try (Graph g = ENGINE.openInference()) {
            Normal p = new Normal(g.constant(MU_P), g.constant(SD_P));
            Normal q = new Normal(g.constant(MU_Q), g.constant(SD_Q));
            double[] exact = registry.exact(g, p, q).value().data();
            double[] sum = new double[2];
            double[] sumSq = new double[2];
            for (int s = 0; s < n; s++) {
                double[] v = KlRegistry.monteCarlo(g, p, q, rng, 1).value().data();
                for (int r = 0; r < 2; r++) {
                    sum[r] += v[r];
                    sumSq[r] += v[r] * v[r];
                }
            }
            for (int r = 0; r < 2; r++) {
                double mean = sum[r] / n;
                double se = Math.sqrt((sumSq[r] / n - mean * mean) / n);
                assertThat(Math.abs(mean - exact[r])).as("row %d: MC %f vs exact %f (se %f)", r, mean, exact[r], se)
                        .isLessThan(4 * se);
            }
        }
    }

    @Test
    void klOfADistributionWithItselfIsZero() {
        try (Graph g = ENGINE.openInference()) {
            Normal p = new Normal(g.constant(MU_P), g.constant(SD_P));
            assertThat(KlRegistry.withDefaults().exact(g, p, p).value().data()).containsOnly(0.0);
        }
    }

    @Test
    void klHasGradientsOnBothSides() {
        List<Parameter> params = List.of(new Parameter("mp", MU_P.copy(), false), new Parameter("sp", SD_P.copy(), false),
                new Parameter("mq", MU_Q.copy(), false), new Parameter("sq", SD_Q.copy(), false));
        KlRegistry registry = KlRegistry.withDefaults();
        double err = GradientCheck.maxError(ENGINE, params, (g, x) -> registry.exact(g,
                new Normal(x.get(0), x.get(1)), new Normal(x.get(2), x.get(3))), RandomStreams.create(5));
        assertThat(err).isLessThan(1e-6);
    }

    @Test
    void rsampleIsDifferentiableInMeanAndScale() {
        Parameter mu = new Parameter("mu", Tensor.vector(1, 2, 3), false);
        Parameter sd = new Parameter("sd", Tensor.vector(0.5, 1, 2), false);
        Tensor z;
        try (Graph g = ENGINE.open()) {
            Var sample = new Normal(g.param(mu), g.param(sd)).rsample(g, RandomStreams.create(3));
            z = sample.value().copy();
            g.backward(g.sum(sample));
        }
        assertThat(mu.grad()).containsOnly(1.0);
        for (int k = 0; k < 3; k++) {
            double eps = (z.get(k) - mu.value().get(k)) / sd.value().get(k);
            assertThat(sd.grad()[k]).isCloseTo(eps, within(1e-12));
        }
    }

    static final class Other extends Distribution {
        private final Normal inner;

        Other(Normal inner) {
            this.inner = inner;
        }

        @Override
        public int[] shape() {
            return inner.shape();
        }

        @Override
        protected Var doRsample(Graph g, UniformRandomProvider rng) {
            return inner.rsample(g, rng);
        }

        @Override
        protected Var doLogProb(Graph g, Var x) {
            return inner.logProb(g, x);
        }

        @Override
        protected Var doEntropy(Graph g) {
            return inner.entropy(g);
        }
    }

    @Test
    void registryRefusesDuplicatesAndNamesAMissingPair() {
        KlRegistry registry = KlRegistry.withDefaults();
        assertThatThrownBy(() -> registry.register(Normal.class, Normal.class, Normal::kl))
                .hasMessageContaining("(Normal, Normal) is already registered");
        try (Graph g = ENGINE.openInference()) {
            Normal p = new Normal(g.constant(MU_P), g.constant(SD_P));
            Other o = new Other(new Normal(g.constant(MU_Q), g.constant(SD_Q)));
            assertThatThrownBy(() -> registry.exact(g, o, p)).hasMessageContaining("(Other, Normal)");
            // the fallback estimates instead, and agrees with the closed form of the wrapped pair
            double mc = registry.kl(g, o, p, KlEstimate.EXACT_OR_MONTE_CARLO, RandomStreams.create(4), 4000)
                    .value().data()[0];
            double exact = registry.exact(g, new Normal(g.constant(MU_Q), g.constant(SD_Q)), p).value().data()[0];
            assertThat(mc).isCloseTo(exact, within(0.1));
        }
    }
}
