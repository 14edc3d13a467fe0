package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.LossTerm;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/** Free bits (Kingma et al. 2016) on a latent node's KL, against the per-dimension KL computed by hand. */
class FreeBitsTest {

    static final Tensor X = Normal.standardNormal(new int[] {5, 3}, RandomStreams.create(41, "x"));
    static final Batch BATCH = new Batch(Map.of(), Map.of("x", X));

    static ModelGraph model(ParameterStore store, String freeBits) {
        String json = Models.json("""
                {'formatVersion': 1, 'inputs': {'x': 'features'}, 'featureWidths': {'x': 3},
                 'nodes': {'z': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 3,
                                 'encoder': {'type': 'mlp', 'hidden': [4], 'activation': 'tanh'},
                                 'prior': {'type': 'standard_normal'}, 'klWeight': 1 FREE}}}
                """).replace("FREE", freeBits);
        return Models.build(Models.read(json), store, 41, Map.of());
    }

    static double klTerm(ModelGraph m) {
        try (Graph g = Models.ENGINE.openInference()) {
            List<LossTerm> losses = m.forward(g, BATCH, ForwardMode.train(RandomStreams.create(2)), List.of()).losses();
            return losses.get(0).value().value().item();
        }
    }

    /** Per-dimension batch-mean KL of the posterior from N(0, 1), by hand. */
    static double[] perDimension(ModelGraph m) {
        try (Graph g = Models.ENGINE.openInference()) {
            Normal q = (Normal) m.forward(g, BATCH, ForwardMode.means(), List.of()).outputs().get("z").distribution();
            double[] kl = new double[3];
            for (int r = 0; r < 5; r++) {
                for (int d = 0; d < 3; d++) {
                    double mu = q.mean().value().get(r * 3 + d);
                    double s = q.scale().value().get(r * 3 + d);
                    kl[d] += (0.5 * (s * s + mu * mu) - Math.log(s) - 0.5) / 5;
                }
            }
            return kl;
        }
    }

    @Test
    void theTermIsTheSumOverDimensionsOfTheKlOrTheThresholdWhicheverIsLarger() {
        ModelGraph plain = model(new ParameterStore(), "");
        double[] kl = perDimension(plain);
        assertThat(klTerm(plain)).isCloseTo(kl[0] + kl[1] + kl[2], within(1e-12));
        double[] sorted = kl.clone();
        java.util.Arrays.sort(sorted);
        double lambda = (sorted[0] + sorted[1]) / 2;     // one dimension below the threshold, two above
        ModelGraph free = model(new ParameterStore(), ", \"freeBits\": " + lambda);
        assertThat(klTerm(free)).isCloseTo(lambda + sorted[1] + sorted[2], within(1e-12));
        ModelGraph zero = model(new ParameterStore(), ", \"freeBits\": 0");
        assertThat(klTerm(zero)).isCloseTo(klTerm(plain), within(1e-15));
    }

    @Test
    void gradientsMatchFiniteDifferencesAndVanishBelowTheThreshold() {
        ParameterStore store = new ParameterStore();
        ModelGraph m = model(store, ", \"freeBits\": 0.05");
        double err = GradientCheck.maxError(Models.ENGINE, new ArrayList<>(store.all()), (g, in) -> m.forward(g, BATCH,
                ForwardMode.train(RandomStreams.create(2)), List.of()).losses().get(0).value(), RandomStreams.create(3));
        assertThat(err).isLessThan(1e-6);
        ParameterStore high = new ParameterStore();
        ModelGraph all = model(high, ", \"freeBits\": 1000");
        try (Graph g = Models.ENGINE.open()) {
            g.backward(all.forward(g, BATCH, ForwardMode.train(RandomStreams.create(2)), List.of()).losses().get(0).value());
        }
        high.all().forEach(p -> assertThat(p.grad()).containsOnly(0.0));
    }
}
