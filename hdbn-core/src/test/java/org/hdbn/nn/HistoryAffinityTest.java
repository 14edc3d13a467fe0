package org.hdbn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.data.ContextHistory;
import org.hdbn.data.Interactions;
import org.hdbn.graph.Batch;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.GraphSpec;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecMapper;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.random.RandomStreams;
import org.hdbn.testing.GradientCheck;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

class HistoryAffinityTest {

    static final AutodiffEngine ENGINE = Engines.byName("tape");

    // user 0: item 1 twice under context 0, once under context 2; item 3 once under context 1
    // user 1: item 2 once under context 1
    static final Interactions TRAIN = new Interactions(new int[] {0, 0, 0, 0, 1}, new int[] {1, 1, 3, 1, 2},
            new int[] {0, 0, 1, 2, 1});

    static String spec(String key) {
        return spec(key, false);
    }

    static String spec(String key, boolean userBias) {
        return """
                {
                  "formatVersion": 1,
                  "inputs": {"user": "index", "emotion": "index", "item": "index"},
                  "nodes": {
                    "u": {"type": "embedding", "input": "user", "rows": "users", "dim": 3},
                    "e": {"type": "embedding", "input": "emotion", "rows": "contexts", "dim": 2},
                    "v": {"type": "embedding", "input": "item", "rows": "items", "dim": 3},
                    "history": {"type": "history_affinity", "user": "user", "context": "emotion", "item": "item",
                                "history": "events", "contexts": "contexts", "dim": 2, "initStd": 0.5 %s},
                    "bpr": {"type": "bpr", "query": "u", "candidates": "v", "terms": ["history"]}
                  }
                }
                """.formatted((key == null ? "" : ", \"key\": \"" + key + "\"") + (userBias ? ", \"userBias\": \"users\"" : ""));
    }

    static ModelGraph build(String json, ParameterStore store) {
        return build(json, store, TRAIN, 2, 4);
    }

    /** A graph over the given events (resource {@code events}), with 3 contexts. */
    static ModelGraph build(String json, ParameterStore store, Interactions events, int users, int items) {
        GraphSpec spec = new SpecMapper().read("test", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                GraphSpec.class);
        BuildContext ctx = new BuildContext(store, 3, Map.of("users", users, "items", items, "contexts", 3), Map.of(),
                Map.of("events", ContextHistory.of(events)));
        return ModelGraph.build(spec, ctx, KlRegistry.withDefaults());
    }

    /** Positives (0, 1, ctx 0), (0, 3, ctx 1), (1, 2, ctx 1), each with negatives that include known items. */
    static Batch trainingBatch() {
        return Batch.ofIndices(Map.of("user", new int[] {0, 0, 1}, "emotion", new int[] {0, 1, 1},
                "item", new int[] {1, 3, 2, 3, 0, 1, 2, 0, 3}));
    }

    static double term(ModelGraph model, Batch batch, boolean training, int row) {
        try (Graph g = ENGINE.openInference()) {
            var mode = training ? org.hdbn.nn.ForwardMode.train(RandomStreams.create(1)) : org.hdbn.nn.ForwardMode.means();
            return model.forward(g, batch, mode, List.of("history")).value("history").value().data()[row];
        }
    }

    static void setWeights(ParameterStore store, double same, double count) {
        store.get("history/weights").value().data()[0] = same;
        store.get("history/weights").value().data()[1] = count;
    }

    @Test
    void bprWithTheTermMatchesFiniteDifferencesWithAndWithoutAKeyNode() {
        for (String key : new String[] {null, "e"}) {
            ParameterStore store = new ParameterStore();
            ModelGraph model = build(spec(key, key != null), store);
            setWeights(store, 0.7, -0.4);
            if (key != null) {
                store.get("history/user_bias").value().data()[0] = 0.3;
                store.get("history/user_bias").value().data()[1] = -0.2;
            }
            List<Parameter> params = new ArrayList<>(store.all());
            double err = GradientCheck.maxError(ENGINE, params, (g, in) -> model.forward(g, trainingBatch(),
                    org.hdbn.nn.ForwardMode.train(RandomStreams.create(2)), List.of("bpr")).value("bpr"),
                    RandomStreams.create(5));
            assertThat(err).as("key %s", key).isLessThan(1e-6);
        }
    }

    @Test
    void valueIsTheStatedSumOverTheUsersEventsAndZeroForUnknownItems() {
        ParameterStore store = new ParameterStore();
        ModelGraph model = build(spec(null), store);
        setWeights(store, 0.7, -0.4);
        Tensor events = store.get("history/event_contexts").value();
        Tensor keys = store.get("history/query_contexts").value();
        // pairs: (user 0, item 1, ctx 0), (user 0, item 0, ctx 0), (user 1, item 1, ctx 1)
        Batch pairs = Batch.ofIndices(Map.of("user", new int[] {0, 0, 1}, "emotion", new int[] {0, 0, 1},
                "item", new int[] {1, 0, 1}));
        double kernel = 0;
        for (int ctx : new int[] {0, 0, 2}) {
            for (int d = 0; d < 2; d++) {
                kernel += keys.data()[d] * events.data()[ctx * 2 + d];
            }
        }
        double expected = 0.7 * Math.log1p(2) - 0.4 * Math.log1p(3) + kernel;
        assertThat(term(model, pairs, false, 0)).isCloseTo(expected, within(1e-12));
        assertThat(term(model, pairs, false, 1)).isZero();
        assertThat(term(model, pairs, false, 2)).isZero();
    }

    @Test
    void theUserBiasIsAddedToKnownItemsOnly() {
        ParameterStore plainStore = new ParameterStore();
        ModelGraph plain = build(spec(null), plainStore);
        setWeights(plainStore, 0.7, -0.4);
        ParameterStore store = new ParameterStore();
        ModelGraph biased = build(spec(null, true), store);
        setWeights(store, 0.7, -0.4);
        store.get("history/user_bias").value().data()[0] = 0.3;
        Batch pairs = Batch.ofIndices(Map.of("user", new int[] {0, 0}, "emotion", new int[] {0, 0},
                "item", new int[] {1, 0}));
        assertThat(term(biased, pairs, false, 0)).isCloseTo(term(plain, pairs, false, 0) + 0.3, within(1e-12));
        assertThat(term(biased, pairs, false, 1)).isZero();
    }

    @Test
    void aTrainingPassLeavesEachPositivesOwnEventOut() {
        ParameterStore store = new ParameterStore();
        ModelGraph model = build(spec(null), store);
        setWeights(store, 0.7, -0.4);
        Batch batch = trainingBatch();
        // (0, 3, ctx 1) and (1, 2, ctx 1) were played once: without their own event they have no history
        assertThat(term(model, batch, true, 1)).isZero();
        assertThat(term(model, batch, true, 2)).isZero();
        assertThat(term(model, batch, false, 1)).isNotZero();
        // (0, 1, ctx 0) keeps its other events (ctx 0 once more, ctx 2): as a pair with those two events
        Tensor events = store.get("history/event_contexts").value();
        Tensor keys = store.get("history/query_contexts").value();
        double kernel = 0;
        for (int ctx : new int[] {0, 2}) {
            for (int d = 0; d < 2; d++) {
                kernel += keys.data()[d] * events.data()[ctx * 2 + d];
            }
        }
        assertThat(term(model, batch, true, 0)).isCloseTo(0.7 * Math.log1p(1) - 0.4 * Math.log1p(2) + kernel,
                within(1e-12));
        // a negative that is a known item keeps all its events (row 5: query 1, user 0, item 1 under ctx 1)
        assertThat(term(model, batch, true, 5)).isEqualTo(term(model, Batch.ofIndices(Map.of("user", new int[] {0},
                "emotion", new int[] {1}, "item", new int[] {1})), false, 0));
    }

    @Test
    void aPositiveThatIsNotATrainingEventIsRefusedInTraining() {
        ParameterStore store = new ParameterStore();
        ModelGraph model = build(spec(null), store);
        Batch wrong = Batch.ofIndices(Map.of("user", new int[] {1}, "emotion", new int[] {0}, "item",
                new int[] {2, 0}));
        assertThatThrownBy(() -> term(model, wrong, true, 0)).hasMessageContaining("leave-one-out");
    }
}
