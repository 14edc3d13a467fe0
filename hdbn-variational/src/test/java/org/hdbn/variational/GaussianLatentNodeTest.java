package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.LossKind;
import org.hdbn.graph.LossTerm;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.NodeOutput;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** A latent node's output, KL and reconstruction terms, against values computed by hand. */
class GaussianLatentNodeTest {

    static final Tensor X = Normal.standardNormal(new int[] {4, 3}, RandomStreams.create(31, "x"));
    static final Batch BATCH = new Batch(Map.of(), Map.of("x", X));

    static ModelGraph model(ParameterStore store, String prior) {
        String json = Models.json("""
                {'formatVersion': 1, 'inputs': {'x': 'features'}, 'featureWidths': {'x': 3},
                 'nodes': {'z': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 2,
                                 'encoder': {'type': 'mlp', 'hidden': [5], 'activation': 'tanh'},
                                 'prior': PRIOR, 'klWeight': 0.3,
                                 'decoder': {'type': 'mlp', 'hidden': []}, 'reconWeight': 0.7}}}
                """).replace("PRIOR", prior);
        return Models.build(Models.read(json), store, 31, Map.of());
    }

    @Test
    void outputIsTheMeanWithoutSamplingAndADrawWithIt() {
        ModelGraph m = model(new ParameterStore(), "{\"type\": \"standard_normal\"}");
        try (Graph g = Models.ENGINE.openInference()) {
            NodeOutput means = m.forward(g, BATCH, ForwardMode.means(), List.of()).outputs().get("z");
            Normal q = (Normal) means.distribution();
            assertThat(means.value().value().data()).containsExactly(q.mean().value().data());
            NodeOutput drawn = m.forward(g, BATCH, ForwardMode.sampling(RandomStreams.create(5)), List.of()).outputs().get("z");
            Normal q2 = (Normal) drawn.distribution();
            // the draw is mu + sigma * eps with the stream's standard normals
            Tensor eps = Normal.standardNormal(new int[] {4, 2}, RandomStreams.create(5));
            double[] z = drawn.value().value().data();
            for (int k = 0; k < z.length; k++) {
                assertThat(z[k]).isCloseTo(q2.mean().value().get(k) + q2.scale().value().get(k) * eps.get(k), within(1e-12));
            }
        }
    }

    @Test
    void trainingPassAddsTheKlAndTheReconstructionComputedByHand() {
        ParameterStore store = new ParameterStore();
        ModelGraph m = model(store, "{\"type\": \"standard_normal\"}");
        try (Graph g = Models.ENGINE.openInference()) {
            ForwardResult r = m.forward(g, BATCH, ForwardMode.train(RandomStreams.create(6)), List.of());
            Normal q = (Normal) r.outputs().get("z").distribution();
            double[] mu = q.mean().value().data();
            double[] s = q.scale().value().data();
            double kl = 0;
            for (int k = 0; k < mu.length; k++) {
                kl += 0.5 * (mu[k] * mu[k] + s[k] * s[k] - 1 - 2 * Math.log(s[k]));
            }
            kl /= 4;
            // decoder: one linear layer z W + b back to x's 3 columns
            double[] z = r.value("z").value().data();
            double[] w = store.get("z/decoder/layer0/weight").value().data();
            double[] b = store.get("z/decoder/layer0/bias").value().data();
            double recon = 0;
            for (int n = 0; n < 4; n++) {
                for (int j = 0; j < 3; j++) {
                    double xhat = b[j] + z[2 * n] * w[j] + z[2 * n + 1] * w[3 + j];
                    recon += Math.pow(xhat - X.get(n, j), 2) / 4;
                }
            }
            assertThat(r.losses()).extracting(LossTerm::name).containsExactly("z/kl", "z/recon");
            LossTerm klTerm = r.losses().get(0);
            LossTerm reconTerm = r.losses().get(1);
            assertThat(klTerm.kind()).isEqualTo(LossKind.KL);
            assertThat(klTerm.weight()).isEqualTo(0.3);
            assertThat(klTerm.value().value().item()).isCloseTo(kl, within(1e-12));
            assertThat(reconTerm.kind()).isEqualTo(LossKind.RECONSTRUCTION);
            assertThat(reconTerm.weight()).isEqualTo(0.7);
            assertThat(reconTerm.value().value().item()).isCloseTo(recon, within(1e-12));
        }
    }

    @Test
    void learnedPriorIsTrainedThroughTheKl() {
        ParameterStore store = new ParameterStore();
        ModelGraph m = model(store, "{\"type\": \"learned\", \"initScale\": 2.0}");
        assertThat(Math.log1p(Math.exp(store.get("z/prior_rho").value().get(0)))).isCloseTo(2.0, within(1e-12));
        try (Graph g = Models.ENGINE.open()) {
            ForwardResult r = m.forward(g, BATCH, ForwardMode.train(RandomStreams.create(7)), List.of());
            Normal q = (Normal) r.outputs().get("z").distribution();
            double[] mu = q.mean().value().data();
            double[] s = q.scale().value().data();
            // KL(N(mu, s) || N(0, 2)) by hand, the prior mean starting at 0
            double kl = 0;
            for (int k = 0; k < mu.length; k++) {
                kl += Math.log(2.0 / s[k]) + (s[k] * s[k] + mu[k] * mu[k]) / 8 - 0.5;
            }
            LossTerm klTerm = r.losses().get(0);
            assertThat(klTerm.value().value().item()).isCloseTo(kl / 4, within(1e-12));
            g.backward(klTerm.value());
        }
        assertThat(Arrays.stream(store.get("z/prior_mean").grad()).map(Math::abs).sum()).isGreaterThan(1e-6);
        assertThat(Arrays.stream(store.get("z/prior_rho").grad()).map(Math::abs).sum()).isGreaterThan(1e-6);
    }
}
