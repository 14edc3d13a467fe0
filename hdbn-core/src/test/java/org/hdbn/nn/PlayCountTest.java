package org.hdbn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ModelGraph;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/** The {@code play_count} node on {@link HistoryAffinityTest#TRAIN}'s events. */
class PlayCountTest {

    static final String SPEC = """
            {
              "formatVersion": 1,
              "inputs": {"user": "index", "emotion": "index", "item": "index"},
              "nodes": {
                "u": {"type": "embedding", "input": "user", "rows": "users", "dim": 3},
                "v": {"type": "embedding", "input": "item", "rows": "items", "dim": 3},
                "counts": {"type": "play_count", "user": "user", "context": "emotion", "item": "item",
                           "history": "events", "total": 0.5, "sameContext": 2},
                "bpr": {"type": "bpr", "query": "u", "candidates": "v", "terms": ["counts"]}
              }
            }
            """;

    static double[] values(ModelGraph model, Batch batch, boolean training) {
        try (Graph g = HistoryAffinityTest.ENGINE.openInference()) {
            ForwardMode mode = training ? ForwardMode.train(RandomStreams.create(1)) : ForwardMode.means();
            return model.forward(g, batch, mode, List.of("counts")).value("counts").value().data().clone();
        }
    }

    @Test
    void valuesAreTheWeightedCountsAndZeroForUnknownItems() {
        ModelGraph model = HistoryAffinityTest.build(SPEC, new ParameterStore());
        // user 0 played item 1 under contexts 0, 0, 2 and item 3 under 1; user 1 item 2 under 1
        Batch pairs = Batch.ofIndices(Map.of("user", new int[] {0, 0, 0, 0, 1}, "emotion", new int[] {0, 2, 1, 1, 1},
                "item", new int[] {1, 1, 1, 0, 2}));
        assertThat(values(model, pairs, false)).containsExactly(0.5 * 3 + 2 * 2, 0.5 * 3 + 2 * 1, 0.5 * 3 + 0, 0,
                0.5 + 2);
    }

    @Test
    void aTrainingPassLeavesEachPositivesOwnEventOut() {
        ModelGraph model = HistoryAffinityTest.build(SPEC, new ParameterStore());
        double[] v = values(model, HistoryAffinityTest.trainingBatch(), true);
        // positives (0, 1, ctx 0), (0, 3, ctx 1), (1, 2, ctx 1): one event fewer, in the query's context
        assertThat(v[0]).isEqualTo(0.5 * 2 + 2 * 1);
        assertThat(v[1]).isZero();
        assertThat(v[2]).isZero();
        // negatives keep every event: row 3 is item 3 for query 0 (user 0, ctx 0), row 5 item 1 for query 1
        // (user 0, ctx 1), row 7 item 0 for query 2 (user 1)
        assertThat(v[3]).isEqualTo(0.5);
        assertThat(v[5]).isEqualTo(0.5 * 3);
        assertThat(v[7]).isZero();
    }

    @Test
    void bprWithTheTermMatchesFiniteDifferences() {
        ParameterStore store = new ParameterStore();
        ModelGraph model = HistoryAffinityTest.build(SPEC, store);
        List<Parameter> params = new ArrayList<>(store.all());
        double err = GradientCheck.maxError(HistoryAffinityTest.ENGINE, params, (g, in) -> model.forward(g,
                HistoryAffinityTest.trainingBatch(), ForwardMode.train(RandomStreams.create(2)), List.of("bpr")).value("bpr"),
                RandomStreams.create(5));
        assertThat(err).isLessThan(1e-6);
    }

    @Test
    void refusesAPositiveThatIsNotATrainingEvent() {
        ModelGraph model = HistoryAffinityTest.build(SPEC, new ParameterStore());
        Batch wrong = Batch.ofIndices(Map.of("user", new int[] {1}, "emotion", new int[] {0}, "item", new int[] {0, 2}));
        assertThatThrownBy(() -> values(model, wrong, true)).hasMessageContaining("positive row 0 (user 1, item 0, context 0)");
    }
}
