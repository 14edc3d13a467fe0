package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.Activation;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.variational.bayes.BayesianDense;
import org.hdbn.variational.bayes.BayesianLayerConfig;
import org.hdbn.variational.bayes.BayesianMlp;
import org.hdbn.variational.bayes.Flipout;
import org.hdbn.variational.predict.McPrediction;
import org.hdbn.variational.predict.McPredictor;
import org.junit.jupiter.api.Test;

/** Monte Carlo prediction: one pass reproduced exactly; many passes against the exact predictive. */
class McPredictorTest {

    @Test
    void oneSampleReproducesOneStochasticPass() {
        ParameterStore store = new ParameterStore();
        BayesianMlp mlp = new BayesianMlp(store, "m", 3, new int[] {5}, 2, Activation.TANH, Activation.IDENTITY,
                BayesianLayerConfig.defaults().withEstimator(new Flipout()).withPosteriorRhoInit(-1), RandomStreams.create(1));
        Tensor x = Normal.standardNormal(new int[] {4, 3}, RandomStreams.create(2));
        McPrediction p = new McPredictor(Models.ENGINE, 1, 0.1, 0.5, 0.9).predict(mlp, x, RandomStreams.create(77));
        double[] single;
        try (Graph g = Models.ENGINE.openInference()) {
            single = mlp.forward(g, g.constant(x), ForwardMode.sampling(RandomStreams.create(77))).value().data().clone();
        }
        assertThat(p.mean().data()).containsExactly(single);
        assertThat(p.variance().data()).containsOnly(0.0);
        for (double level : p.levels()) {
            assertThat(p.quantile(level).data()).containsExactly(single);
        }
        assertThat(p.mean().shape()).containsExactly(4, 2);
        // and the pass really is stochastic: a second seed differs
        double[] other;
        try (Graph g = Models.ENGINE.openInference()) {
            other = mlp.forward(g, g.constant(x), ForwardMode.sampling(RandomStreams.create(78))).value().data();
        }
        assertThat(other).isNotEqualTo(single);
    }

    @Test
    void manySamplesApproachTheExactPredictive() {
        // a linear Bayesian layer's predictive per entry is exactly N(x mu + b, x^2 sigma^2 + sigma_b^2)
        ParameterStore store = new ParameterStore();
        BayesianDense layer = new BayesianDense(store, "d", 2, 1, Activation.IDENTITY,
                BayesianLayerConfig.defaults().withPosteriorRhoInit(-0.5), RandomStreams.create(3));
        Tensor x = Tensor.matrix(new double[][] {{1.0, -0.5}, {0.0, 2.0}, {0.3, 0.3}});
        int s = 4000;
        McPrediction p = new McPredictor(Models.ENGINE, s, 0.025, 0.5, 0.975).predict(layer, x, RandomStreams.create(4));
        double[] w = store.get("d/weight_mu").value().data();
        double b = store.get("d/bias_mu").value().get(0);
        double sw = Math.log1p(Math.exp(-0.5));
        for (int n = 0; n < 3; n++) {
            double mean = x.get(n, 0) * w[0] + x.get(n, 1) * w[1] + b;
            double var = (x.get(n, 0) * x.get(n, 0) + x.get(n, 1) * x.get(n, 1) + 1) * sw * sw;
            double sd = Math.sqrt(var);
            System.out.printf("MC prediction row %d: mean %.4f (exact %.4f), variance %.4f (exact %.4f), "
                    + "2.5%%/97.5%% quantiles %.3f/%.3f (exact %.3f/%.3f)%n", n, p.mean().get(n), mean, p.variance().get(n),
                    var, p.quantile(0.025).get(n), p.quantile(0.975).get(n), mean - 1.96 * sd, mean + 1.96 * sd);
            // 4 standard errors of each estimate from S = 4000 normal draws: the mean's is sd/sqrt(S),
            // the variance's var*sqrt(2/S), a quantile's sqrt(p(1-p)/S)/density (0.05 sd at the median,
            // 0.11 sd at 2.5%)
            assertThat(p.mean().get(n)).isCloseTo(mean, within(4 * sd / Math.sqrt(s)));
            assertThat(p.variance().get(n)).isCloseTo(var, within(4 * var * Math.sqrt(2.0 / s)));
            assertThat(p.quantile(0.5).get(n)).isCloseTo(mean, within(4 * 0.02 * sd));
            assertThat(p.quantile(0.025).get(n)).isCloseTo(mean - 1.96 * sd, within(4 * 0.045 * sd));
            assertThat(p.quantile(0.975).get(n)).isCloseTo(mean + 1.96 * sd, within(4 * 0.045 * sd));
        }
    }

    @Test
    void predictsANodeOfAModelGraph() {
        String json = Models.json("""
                {'formatVersion': 1, 'inputs': {'x': 'features'}, 'featureWidths': {'x': 3},
                 'nodes': {'z': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 2,
                                 'encoder': {'type': 'mlp', 'hidden': [4]}}}}
                """);
        ParameterStore store = new ParameterStore();
        ModelGraph model = Models.build(Models.read(json), store, 1, Map.of());
        Batch batch = new Batch(Map.of(), Map.of("x", Normal.standardNormal(new int[] {2, 3}, RandomStreams.create(5))));
        McPrediction p = new McPredictor(Models.ENGINE, 2000).predict(model, batch, "z", RandomStreams.create(6));
        double[] mu;
        double[] sigma;
        try (Graph g = Models.ENGINE.openInference()) {
            Normal q = (Normal) model.forward(g, batch, ForwardMode.means(), List.of("z")).outputs().get("z").distribution();
            mu = q.mean().value().data().clone();
            sigma = q.scale().value().data().clone();
        }
        for (int k = 0; k < mu.length; k++) {
            // the latent's draws are N(mu, sigma^2): 4 standard errors of the mean and the variance
            assertThat(p.mean().get(k)).isCloseTo(mu[k], within(4 * sigma[k] / Math.sqrt(2000)));
            assertThat(p.variance().get(k)).isCloseTo(sigma[k] * sigma[k], within(4 * sigma[k] * sigma[k] * Math.sqrt(2.0 / 2000)));
        }
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> new McPredictor(Models.ENGINE, 0)).hasMessageContaining("at least one pass");
        assertThatThrownBy(() -> new McPredictor(Models.ENGINE, 5, 1.5)).hasMessageContaining("1.5");
    }
}
