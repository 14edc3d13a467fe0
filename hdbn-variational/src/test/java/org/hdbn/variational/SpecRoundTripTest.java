package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.GraphSpec;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecException;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.variational.elbo.Elbo;
import org.hdbn.variational.elbo.ElboParts;
import org.junit.jupiter.api.Test;

/**
 * Every spec type this module registers, read from JSON, written and read again (equal specs),
 * and a model built from it that trains a step. {@link #everyRegisteredTypeIsCovered()} fails when
 * a type is registered without appearing here.
 */
class SpecRoundTripTest {

    /** A graph using every node, block, prior and latent-prior type of the module. */
    static final String GRAPH = Models.json("""
            {'formatVersion': 1, 'name': 'all variational types',
             'inputs': {'u': 'index', 'x': 'features', 'y': 'features'},
             'featureWidths': {'x': 3, 'y': 1},
             'nodes': {
               'e_u': {'type': 'embedding', 'input': 'u', 'rows': 'users', 'dim': 4},
               'z1': {'type': 'gaussian_latent', 'inputs': ['e_u'], 'size': 2,
                      'encoder': {'type': 'mlp', 'hidden': [8]},
                      'prior': {'type': 'standard_normal'}, 'klWeight': 0.01,
                      'decoder': {'type': 'mlp', 'hidden': [8]}, 'reconstruct': ['e_u'], 'reconWeight': 1e-6},
               'z2': {'type': 'gaussian_latent', 'inputs': ['e_u', 'x'], 'size': 2,
                      'encoder': {'type': 'mlp', 'hidden': [8]},
                      'prior': {'type': 'node', 'node': 'z1'}, 'klWeight': 0.05,
                      'decoder': {'type': 'mlp', 'hidden': [8]}, 'reconstruct': ['x'], 'reconWeight': 1e-4},
               'z3': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 2,
                      'encoder': {'type': 'mlp', 'hidden': []},
                      'prior': {'type': 'learned', 'initScale': 0.5},
                      'klEstimate': 'MONTE_CARLO', 'klSamples': 2},
               'bnn': {'type': 'block', 'inputs': ['z2'], 'out': 1,
                       'block': {'type': 'bayesian_mlp', 'hidden': [8], 'activation': 'relu',
                                 'prior': {'type': 'scale_mixture', 'pi': 0.5, 'sigma1': 1.0, 'sigma2': 0.0025},
                                 'estimator': 'flipout', 'posteriorRhoInit': -4, 'klSamples': 2,
                                 'klWeight': 1.0, 'datasetSize': 'examples'}},
               'bnn2': {'type': 'block', 'inputs': ['z3'], 'out': 1,
                        'block': {'type': 'bayesian_mlp', 'prior': {'type': 'gaussian', 'scale': 0.5},
                                  'estimator': 'reparameterization', 'deterministic': true, 'datasetSize': 1000}},
               'bnn3': {'type': 'block', 'inputs': ['x'], 'out': 1,
                        'block': {'type': 'bayesian_mlp', 'hidden': [4], 'estimator': 'local_reparameterization',
                                  'klEstimate': 'EXACT'}},
               'lik': {'type': 'gaussian_likelihood', 'prediction': 'bnn', 'target': 'y', 'noiseScale': 0.5},
               'lik2': {'type': 'gaussian_likelihood', 'prediction': 'bnn2', 'target': 'y', 'noiseScale': 1, 'weight': 0.5},
               'lik3': {'type': 'gaussian_likelihood', 'prediction': 'bnn3', 'target': 'y', 'noiseScale': 1}}}
            """);

    /** The ELBO with each KL schedule. */
    static final List<String> ELBOS = List.of(
            Models.json("{'klSchedule': {'type': 'constant', 'weight': 0.5}}"),
            Models.json("{'klSchedule': {'type': 'linear_warmup', 'weight': 1.0, 'warmupSteps': 1000}}"),
            Models.json("{'klSchedule': {'type': 'cyclical', 'weight': 1.0, 'period': 500, 'rampFraction': 0.5}}"));

    @Test
    void graphSpecRoundTripsAndTrains() {
        GraphSpec first = Models.read(GRAPH);
        String written = Models.MAPPER.write(first);
        GraphSpec second = Models.read(written);
        assertThat(second).isEqualTo(first);
        assertThat(Models.MAPPER.write(second)).isEqualTo(written);

        ParameterStore store = new ParameterStore();
        ModelGraph model = Models.build(second, store, 1, Map.of("users", 5, "examples", 100));
        int rows = 6;
        Batch batch = new Batch(Map.of("u", new int[] {0, 1, 2, 3, 4, 0}),
                Map.of("x", Normal.standardNormal(new int[] {rows, 3}, RandomStreams.create(1, "x")),
                        "y", Normal.standardNormal(new int[] {rows, 1}, RandomStreams.create(1, "y"))));
        for (String elboJson : ELBOS) {
            Elbo elbo = readElbo(elboJson);
            store.zeroGrads();
            try (Graph g = Models.ENGINE.open()) {
                ForwardResult r = model.forward(g, batch, ForwardMode.train(RandomStreams.create(2)), List.of());
                assertThat(r.losses().stream().map(t -> t.name()).collect(Collectors.toSet())).containsExactlyInAnyOrder(
                        "z1/kl", "z1/recon", "z2/kl", "z2/recon", "z3/kl", "bnn/weight_kl", "bnn2/weight_kl", "bnn3/weight_kl",
                        "lik/nll", "lik2/nll", "lik3/nll");
                ElboParts parts = elbo.parts(r, 10);
                assertThat(parts.loss()).isFinite();
                g.backward(elbo.loss(g, r, 10));
            }
            assertThat(store.get("z1/encoder/layer0/weight").grad()).isNotEqualTo(new double[24]);
        }
    }

    @Test
    void elboSpecsRoundTrip() {
        for (String json : ELBOS) {
            Elbo first = readElbo(json);
            Elbo second = readElbo(Models.MAPPER.write(first));
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void everyRegisteredTypeIsCovered() throws Exception {
        Set<String> used = new TreeSet<>();
        collectTypes(Models.MAPPER.objectMapper().readTree(GRAPH), used);
        for (String json : ELBOS) {
            collectTypes(Models.MAPPER.objectMapper().readTree(json), used);
        }
        Set<String> registered = new VariationalSpecTypes().specTypes().stream()
                .map(t -> t.name()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(used).containsAll(registered);
        // and the ServiceLoader finds them
        assertThat(Models.MAPPER.types().stream().map(t -> t.name()).collect(Collectors.toSet())).containsAll(registered);
    }

    @Test
    void badSpecsAreRefusedWithTheFieldNamed() {
        assertThatThrownBy(() -> Models.read(GRAPH.replace("\"reconWeight\": 1e-6", "\"reconWeigth\": 1e-6")))
                .isInstanceOf(SpecException.class).hasMessageContaining("reconWeigth");
        assertThatThrownBy(() -> Models.read(Models.json("""
                {'formatVersion': 1, 'inputs': {'x': 'features'}, 'featureWidths': {'x': 3},
                 'nodes': {'z': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 2, 'reconstruct': ['x']}}}
                """))).isInstanceOf(SpecException.class).hasMessageContaining("need a decoder");
        assertThatThrownBy(() -> Models.read(GRAPH.replace("'flipout'".replace('\'', '"'), "\"flipflop\"")))
                .isInstanceOf(SpecException.class).hasMessageContaining("flipflop").hasMessageContaining("flipout");
        assertThatThrownBy(() -> Models.read(GRAPH.replace("\"pi\": 0.5", "\"pi\": 1.5")))
                .isInstanceOf(SpecException.class).hasMessageContaining("pi");
        // the retired bayesian_block node is refused with what to write instead
        assertThatThrownBy(() -> Models.read(Models.json("""
                {'formatVersion': 1, 'inputs': {'x': 'features'}, 'featureWidths': {'x': 3},
                 'nodes': {'b': {'type': 'bayesian_block', 'inputs': ['x'], 'out': 1, 'datasetSize': 10,
                                 'block': {'type': 'bayesian_mlp'}}}}
                """))).isInstanceOf(SpecException.class).hasMessageContaining("'bayesian_block' was retired")
                .hasMessageContaining("\"type\": \"block\"").hasMessageContaining("bayesian_mlp");
        // so are the KL fields a gated_experts node used to carry for its experts
        assertThatThrownBy(() -> Models.read(Models.json("""
                {'formatVersion': 1, 'inputs': {'u': 'index'},
                 'nodes': {'e': {'type': 'embedding', 'input': 'u', 'rows': 3, 'dim': 2},
                           'm': {'type': 'gated_experts', 'input': 'e', 'entity': 'u', 'out': 2,
                                 'expert': {'type': 'bayesian_mlp'}, 'datasetSize': 'train'}}}
                """))).isInstanceOf(SpecException.class).hasMessageContaining("field 'datasetSize'")
                .hasMessageContaining("was retired").hasMessageContaining("\"expert\"");
        // a conditional prior of another size
        GraphSpec sizes = Models.read(Models.json("""
                {'formatVersion': 1, 'inputs': {'x': 'features'}, 'featureWidths': {'x': 3},
                 'nodes': {'a': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 3},
                           'b': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 2, 'prior': {'type': 'node', 'node': 'a'}}}}
                """));
        assertThatThrownBy(() -> Models.build(sizes, new ParameterStore(), 1, Map.of()))
                .isInstanceOf(SpecException.class).hasMessageContaining("prior node 'a' has size 3");
    }

    private static Elbo readElbo(String json) {
        return Models.MAPPER.read("elbo", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Elbo.class);
    }

    private static void collectTypes(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            JsonNode type = node.get("type");
            if (type != null && type.isTextual()) {
                out.add(type.asText());
            }
            node.elements().forEachRemaining(child -> collectTypes(child, out));
            JsonNode estimator = node.get("estimator");
            if (estimator != null && estimator.isTextual()) {
                out.add(estimator.asText());
            }
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectTypes(child, out));
        }
    }

}
