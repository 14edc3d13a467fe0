package org.hdbn.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.nodes.BprLossSpec;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

class ModelGraphTest {

    static final String SPEC = """
            {
              "formatVersion": 1,
              "name": "two-tower",
              "inputs": {"user": "index", "candidate": "index"},
              "nodes": {
                "user_emb": {"type": "embedding", "input": "user", "rows": "users", "dim": 4},
                "item_emb": {"type": "embedding", "input": "candidate", "rows": "items", "dim": 4},
                "mood": {"type": "table", "table": "mood", "input": "candidate"},
                "user_mlp": {"type": "block", "inputs": ["user_emb"], "out": 2,
                             "block": {"type": "mlp", "hidden": [8], "activation": "tanh"}},
                "query": {"type": "concat", "inputs": ["user_emb", "user_mlp"]},
                "cand": {"type": "concat", "inputs": ["item_emb", "mood"]},
                "loss": {"type": "bpr", "query": "query", "candidates": "cand"},
                "reg": {"type": "l2", "inputs": ["user_emb", "item_emb"], "weight": 0.001}
              }
            }
            """;

    final SpecMapper mapper = new SpecMapper();

    GraphSpec read(String json) {
        return mapper.read("test spec", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), GraphSpec.class);
    }

    BuildContext context(ParameterStore store) {
        Tensor mood = Tensor.of(new double[] {0.5, 0.5, 1, 0, 0, 1, 0.2, 0.8, 0.9, 0.1}, 5, 2);
        return new BuildContext(store, 1, Map.of("users", 3, "items", 5), Map.of("mood", mood), Map.of());
    }

    @Test
    void specRoundTripsThroughJson() {
        GraphSpec spec = read(SPEC);
        GraphSpec again = read(mapper.write(spec));
        assertThat(again).isEqualTo(spec);
        assertThat(again.nodes().keySet()).containsExactly("user_emb", "item_emb", "mood", "user_mlp", "query", "cand",
                "loss", "reg");
    }

    @Test
    void buildsTrainsAndComputesOnlyWhatATargetNeeds() {
        ParameterStore store = new ParameterStore();
        ModelGraph model = ModelGraph.build(read(SPEC), context(store), KlRegistry.withDefaults());
        assertThat(store.all()).extracting(p -> p.name()).contains("user_emb", "item_emb", "user_mlp/layer0/weight");
        Batch batch = Batch.ofIndices(Map.of("user", new int[] {0, 2}, "candidate", new int[] {1, 3, 0, 4, 2, 2}));
        try (Graph g = Engines.byName("tape").open()) {
            ForwardResult r = model.forward(g, batch, ForwardMode.train(RandomStreams.create(1)), List.of());
            assertThat(r.losses()).extracting(LossTerm::name).containsExactly("loss/bpr", "reg/l2");
            Var total = r.totalLoss(g);
            assertThat(total.value().item()).isCloseTo(r.losses().get(0).value().value().item()
                    + 0.001 * r.losses().get(1).value().value().item(), within(1e-15));
            g.backward(total);
        }
        assertThat(store.get("item_emb").touchedRows()).containsExactly(0, 1, 2, 3, 4);
        assertThat(store.get("user_emb").touchedRows()).containsExactly(0, 2);
        try (Graph g = Engines.byName("tape").openInference()) {
            ForwardResult r = model.forward(g, Batch.ofIndices(Map.of("user", new int[] {1})), ForwardMode.means(),
                    List.of("query"));
            assertThat(r.outputs().keySet()).containsExactlyInAnyOrder("user_emb", "user_mlp", "query");
            assertThat(r.value("query").shape()).containsExactly(1, 6);
        }
    }

    @Test
    void bprLossMatchesAHandComputedCase() {
        // one query q = (1, 0); positive c = (2, 0): s+ = 2; negatives (1, 0), (3, 0): s- = 1, 3
        // loss = -(log sigmoid(1) + log sigmoid(-1)) / 2
        try (Graph g = Engines.byName("tape").openInference()) {
            Var q = g.constant(Tensor.of(new double[] {1, 0}, 1, 2));
            Var c = g.constant(Tensor.of(new double[] {2, 0, 1, 0, 3, 0}, 3, 2));
            double expected = -(Math.log(1 / (1 + Math.exp(-1))) + Math.log(1 / (1 + Math.exp(1)))) / 2;
            assertThat(BprLossSpec.loss(g, q, c).value().item()).isCloseTo(expected, within(1e-14));
        }
    }

    @Test
    void anUnknownTypeIsRefusedWithTheKnownTypes() {
        String bad = SPEC.replace("\"type\": \"concat\", \"inputs\": [\"user_emb\", \"user_mlp\"]",
                "\"type\": \"concatenate\", \"inputs\": [\"user_emb\", \"user_mlp\"]");
        assertThatThrownBy(() -> read(bad)).isInstanceOf(SpecException.class)
                .hasMessageContaining("test spec line").hasMessageContaining("unknown NodeSpec type 'concatenate'")
                .hasMessageContaining("embedding");
    }

    @Test
    void aMissingInputIsRefusedNamingTheNode() {
        GraphSpec spec = read(SPEC.replace("\"inputs\": [\"item_emb\", \"mood\"]", "\"inputs\": [\"item_emb\", \"moods\"]"));
        assertThatThrownBy(() -> ModelGraph.build(spec, context(new ParameterStore()), KlRegistry.withDefaults()))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("node 'cand' reads 'moods', which is neither a node nor an input");
    }

    @Test
    void aCycleIsRefused() {
        GraphSpec spec = read(SPEC.replace("\"inputs\": [\"user_emb\", \"user_mlp\"]", "\"inputs\": [\"user_emb\", \"loss\"]"));
        assertThatThrownBy(() -> ModelGraph.build(spec, context(new ParameterStore()), KlRegistry.withDefaults()))
                .isInstanceOf(SpecException.class).hasMessageContaining("cycle");
    }

    @Test
    void anUnknownDimensionAndABadFieldAreNamed() {
        GraphSpec spec = read(SPEC.replace("\"rows\": \"users\"", "\"rows\": \"people\""));
        assertThatThrownBy(() -> ModelGraph.build(spec, context(new ParameterStore()), KlRegistry.withDefaults()))
                .hasMessageContaining("node 'user_emb': unknown dimension 'people'");
        // the misspelling is the cause of the missing number, so it is what the message names
        assertThatThrownBy(() -> read(SPEC.replace("\"dim\": 4}", "\"dims\": 4}")))
                .isInstanceOf(SpecException.class)
                .hasMessageContaining("(at nodes.user_emb): unknown field 'dims' of embedding (did you mean 'dim'?)");
        assertThatThrownBy(() -> read(SPEC.replace(", \"dim\": 4}", "}")))
                .isInstanceOf(SpecException.class).hasMessageContaining("(at nodes.user_emb.dim): a required number is missing");
    }

    @Test
    void twoEmbeddingNodesNamingOneParameterShareIt() {
        GraphSpec spec = read("""
                {"formatVersion": 1, "inputs": {"a": "index", "b": "index"},
                 "nodes": {"x": {"type": "embedding", "input": "a", "rows": 5, "dim": 2, "parameter": "table"},
                           "y": {"type": "embedding", "input": "b", "rows": 5, "dim": 2, "parameter": "table"}}}
                """);
        ParameterStore store = new ParameterStore();
        ModelGraph.build(spec, context(store), KlRegistry.withDefaults());
        assertThat(store.size()).isEqualTo(1);
    }
}
