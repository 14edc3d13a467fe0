package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.Activation;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlEstimate;
import org.hdbn.prob.KlRegistry;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.GradientCheck;
import org.hdbn.variational.bayes.BayesianDense;
import org.hdbn.variational.bayes.BayesianLayerConfig;
import org.hdbn.variational.bayes.BayesianMlp;
import org.hdbn.variational.bayes.BuiltInEstimators;
import org.hdbn.variational.bayes.Estimators;
import org.hdbn.variational.bayes.ScaleMixturePrior;
import org.hdbn.variational.predict.McPrediction;
import org.hdbn.variational.predict.McPredictor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Bayesian layers: gradients, the marginal each estimator gives a row, and the deterministic switch. */
class BayesianLayerTest {

    static final Tensor X = Normal.standardNormal(new int[] {5, 3}, RandomStreams.create(12, "x"));

    static BayesianMlp mlp(ParameterStore store, BayesianLayerConfig config) {
        return new BayesianMlp(store, "m", 3, new int[] {4}, 2, Activation.TANH, Activation.IDENTITY,
                config.withPosteriorRhoInit(-1), RandomStreams.create(12, "init"));
    }

    @ParameterizedTest
    @ValueSource(strings = {BuiltInEstimators.REPARAMETERIZATION, BuiltInEstimators.LOCAL_REPARAMETERIZATION,
            BuiltInEstimators.FLIPOUT})
    void sampledPassGradientsMatchFiniteDifferences(String kind) {
        ParameterStore store = new ParameterStore();
        BayesianMlp m = mlp(store, BayesianLayerConfig.defaults().withEstimator(Estimators.named(kind)));
        // a fresh stream with one seed per evaluation: every evaluation sees the same noise
        double error = GradientCheck.maxError(Models.ENGINE, List.copyOf(store.all()),
                (g, p) -> m.forward(g, g.constant(X), ForwardMode.train(RandomStreams.create(12, "noise"))),
                RandomStreams.create(12, "check"));
        assertThat(error).as("%s", kind).isLessThan(1e-6);
    }

    @Test
    void klGradientsMatchFiniteDifferences() {
        for (BayesianLayerConfig config : List.of(BayesianLayerConfig.defaults(),
                BayesianLayerConfig.defaults().withPrior(ScaleMixturePrior.of(0.5, 1.0, 0.1)).withKl(KlEstimate.MONTE_CARLO, 3))) {
            ParameterStore store = new ParameterStore();
            BayesianMlp m = mlp(store, config);
            double error = GradientCheck.maxError(Models.ENGINE, List.copyOf(store.all()),
                    (g, p) -> m.kl(g, KlRegistry.withDefaults(), RandomStreams.create(12, "kl")),
                    RandomStreams.create(12, "check"));
            assertThat(error).as("%s", config.prior()).isLessThan(1e-6);
        }
    }

    /** Every estimator gives each row the exact marginal N(x mu + b, x^2 sigma^2 + sigma_b^2). */
    @ParameterizedTest
    @ValueSource(strings = {BuiltInEstimators.REPARAMETERIZATION, BuiltInEstimators.LOCAL_REPARAMETERIZATION,
            BuiltInEstimators.FLIPOUT})
    void eachRowHasTheExactMarginal(String kind) {
        ParameterStore store = new ParameterStore();
        BayesianDense layer = new BayesianDense(store, "d", 3, 2, Activation.IDENTITY,
                BayesianLayerConfig.defaults().withEstimator(Estimators.named(kind)).withPosteriorRhoInit(-0.5),
                RandomStreams.create(13));
        int s = 3000;
        McPrediction p = new McPredictor(Models.ENGINE, s).predict(layer, X, RandomStreams.create(14));
        double[] w = store.get("d/weight_mu").value().data();
        double[] b = store.get("d/bias_mu").value().data();
        double sigma2 = Math.pow(Math.log1p(Math.exp(-0.5)), 2);
        for (int n = 0; n < X.rows(); n++) {
            for (int k = 0; k < 2; k++) {
                double mean = b[k];
                double var = sigma2;
                for (int j = 0; j < 3; j++) {
                    mean += X.get(n, j) * w[j * 2 + k];
                    var += X.get(n, j) * X.get(n, j) * sigma2;
                }
                // 4 standard errors of a mean and of a variance of S normal draws
                assertThat(p.mean().get(n, k)).as("%s mean [%d,%d]", kind, n, k)
                        .isCloseTo(mean, within(4 * Math.sqrt(var / s)));
                assertThat(p.variance().get(n, k)).as("%s variance [%d,%d]", kind, n, k)
                        .isCloseTo(var, within(4 * var * Math.sqrt(2.0 / s)));
            }
        }
    }

    /** Two identical rows: plain reparameterisation shares their noise, the others decorrelate it. */
    @ParameterizedTest
    @ValueSource(strings = {BuiltInEstimators.REPARAMETERIZATION, BuiltInEstimators.LOCAL_REPARAMETERIZATION,
            BuiltInEstimators.FLIPOUT})
    void rowsShareNoiseOnlyUnderPlainReparameterization(String kind) {
        ParameterStore store = new ParameterStore();
        BayesianDense layer = new BayesianDense(store, "d", 3, 1, Activation.IDENTITY,
                BayesianLayerConfig.defaults().withEstimator(Estimators.named(kind)).withPosteriorRhoInit(0),
                RandomStreams.create(15));
        Tensor twice = Tensor.matrix(new double[][] {{1.0, -0.5, 2.0}, {1.0, -0.5, 2.0}});
        int s = 2000;
        double[] a = new double[s];
        double[] c = new double[s];
        for (int r = 0; r < s; r++) {
            try (Graph g = Models.ENGINE.openInference()) {
                double[] y = layer.forward(g, g.constant(twice), ForwardMode.sampling(RandomStreams.create(16, "r", r)))
                        .value().data();
                a[r] = y[0];
                c[r] = y[1];
            }
        }
        double corr = correlation(a, c);
        System.out.printf("correlation of two identical rows' outputs, %s: %.3f%n", kind, corr);
        if (kind.equals(BuiltInEstimators.REPARAMETERIZATION)) {
            assertThat(corr).isCloseTo(1.0, within(1e-9));
        } else {
            // independent rows: the sample correlation of 2000 pairs has sd 1/sqrt(2000) = 0.022
            assertThat(Math.abs(corr)).isLessThan(4 / Math.sqrt(s));
        }
    }

    @Test
    void deterministicSwitchUsesTheMeansAndReportsNoKl() {
        ParameterStore store = new ParameterStore();
        BayesianMlp stochastic = mlp(store, BayesianLayerConfig.defaults());
        BayesianMlp deterministic = mlp(store, BayesianLayerConfig.defaults().withDeterministic(true));
        try (Graph g = Models.ENGINE.openInference()) {
            Var means = stochastic.forward(g, g.constant(X), ForwardMode.means());
            Var sampled = stochastic.forward(g, g.constant(X), ForwardMode.sampling(RandomStreams.create(1)));
            Var det = deterministic.forward(g, g.constant(X), ForwardMode.sampling(RandomStreams.create(1)));
            assertThat(sampled.value().data()).isNotEqualTo(means.value().data());
            assertThat(det.value().data()).containsExactly(means.value().data());
            assertThat(deterministic.kl(g, KlRegistry.withDefaults(), null).value().item()).isEqualTo(0.0);
            assertThat(stochastic.kl(g, KlRegistry.withDefaults(), null).value().item()).isPositive();
        }
    }

    @Test
    void aBayesianNetworkInABlockNodeAddsItsKlOverTheDatasetSize() {
        String json = Models.json("""
                {'formatVersion': 1, 'inputs': {'x': 'features'}, 'featureWidths': {'x': 3},
                 'nodes': {'b': {'type': 'block', 'inputs': ['x'], 'out': 2,
                                 'block': {'type': 'bayesian_mlp', 'hidden': [4], 'posteriorRhoInit': -1,
                                           'klWeight': 2.0, 'datasetSize': 'n'}}}}
                """);
        ParameterStore store = new ParameterStore();
        ModelGraph model = Models.build(Models.read(json), store, 3, Map.of("n", 400));
        Batch batch = new Batch(Map.of(), Map.of("x", X));
        try (Graph g = Models.ENGINE.openInference()) {
            ForwardResult r = model.forward(g, batch, ForwardMode.train(RandomStreams.create(1)), List.of());
            assertThat(r.losses()).hasSize(1);
            assertThat(r.losses().get(0).name()).isEqualTo("b/weight_kl");
            assertThat(r.losses().get(0).weight()).isEqualTo(2.0 / 400);
            // the same parameters (same names) in a Java-built network give the same KL
            BayesianMlp same = new BayesianMlp(store, "b", 3, new int[] {4}, 2, Activation.RELU, Activation.IDENTITY,
                    BayesianLayerConfig.defaults(), RandomStreams.create(0));
            assertThat(r.losses().get(0).value().value().item())
                    .isCloseTo(same.kl(g, KlRegistry.withDefaults(), null).value().item(), within(1e-12));
            // inference passes collect no loss
            assertThat(model.forward(g, batch, ForwardMode.means(), List.of()).losses()).isEmpty();
        }
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }
}
