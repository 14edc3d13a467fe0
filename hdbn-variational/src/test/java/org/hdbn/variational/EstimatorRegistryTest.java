package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Supplier;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.SpecException;
import org.hdbn.graph.SpecMapper;
import org.hdbn.nn.Block;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.variational.bayes.Estimator;
import org.hdbn.variational.bayes.EstimatorProvider;
import org.hdbn.variational.bayes.Reparameterization;
import org.hdbn.variational.nodes.BayesianMlpBlockSpec;
import org.junit.jupiter.api.Test;

/**
 * Estimators by name: the built-in ones in any case, one registered through
 * {@link EstimatorProvider} (this test's services file), and an unknown name refused with the
 * nearest ones.
 */
class EstimatorRegistryTest {

    /** Plain reparameterization under a new name, as an extension would register an estimator. */
    public static final class RenamedReparameterization implements EstimatorProvider {
        @Override
        public Map<String, Supplier<Estimator>> estimators() {
            return Map.of("renamed_reparameterization", Reparameterization::new);
        }
    }

    static BayesianMlpBlockSpec read(String estimator) {
        return new SpecMapper().read("test", new java.io.ByteArrayInputStream(("{\"type\": \"bayesian_mlp\", "
                + "\"hidden\": [3], \"estimator\": \"" + estimator + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                BayesianMlpBlockSpec.class);
    }

    /** The registered estimator is used: the same seeds give the built-in one's output exactly. */
    @Test
    void aRegisteredEstimatorIsUsedByName() {
        double[] renamed = output(read("renamed_reparameterization"));
        double[] builtIn = output(read("reparameterization"));
        assertThat(renamed).containsExactly(builtIn);
        assertThat(output(read("flipout"))).isNotEqualTo(builtIn);
    }

    @Test
    void theBuiltInEstimatorsAreRegisteredAsAnExtensionsAre() {
        // no enum of built-ins: hdbn's own estimators come through the same ServiceLoader file
        java.util.List<String> providers = java.util.ServiceLoader.load(EstimatorProvider.class).stream()
                .map(p -> p.type().getSimpleName()).toList();
        assertThat(providers).contains("BuiltInEstimators", "RenamedReparameterization");
        assertThat(new org.hdbn.variational.bayes.BuiltInEstimators().estimators().keySet())
                .containsExactlyInAnyOrder("reparameterization", "local_reparameterization", "flipout");
    }

    @Test
    void builtInNamesAreReadInAnyCaseAndWrittenInLowerCase() {
        assertThat(read("FLIPOUT").estimator()).isEqualTo("flipout");
        assertThat(new SpecMapper().write(read("Flipout"))).contains("\"estimator\" : \"flipout\"");
    }

    @Test
    void anUnknownEstimatorIsRefusedWithTheNearestNames() {
        assertThatThrownBy(() -> read("flipot")).isInstanceOf(SpecException.class)
                .hasMessageContaining("unknown estimator 'flipot' (did you mean 'flipout'?)")
                .hasMessageContaining("renamed_reparameterization").hasMessageContaining("--plugin JAR");
    }

    static double[] output(BayesianMlpBlockSpec spec) {
        ParameterStore store = new ParameterStore();
        Block block = spec.build(new org.hdbn.graph.BuildContext(store, 4, Map.of(), Map.of(), Map.of()), "net", 2, 2);
        try (Graph g = Models.ENGINE.openInference()) {
            Tensor x = Tensor.of(new double[] {0.5, -1, 2, 0.25}, 2, 2);
            return block.forward(g, g.constant(x), ForwardMode.sampling(RandomStreams.create(7, "draw"))).value().data()
                    .clone();
        }
    }
}
