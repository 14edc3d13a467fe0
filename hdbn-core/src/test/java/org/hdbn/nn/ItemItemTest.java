package org.hdbn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.ItemRowScores;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ItemScoresNode;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecException;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/** The {@code item_item} node: EASE scores of candidate rows, in a loss and over whole rows. */
class ItemItemTest {

    static final AutodiffEngine ENGINE = Engines.byName("tape");
    static final double LAMBDA = 0.7;

    // user 0 played items 0, 1 (1 twice), user 1 items 1, 2, user 2 items 0, 2, 3
    static final Interactions TRAIN = new Interactions(new int[] {0, 0, 0, 1, 1, 2, 2, 2},
            new int[] {0, 1, 1, 1, 2, 0, 2, 3}, new int[] {0, 1, 2, 0, 1, 2, 0, 1});

    static String spec(String factor) {
        return """
                {
                  "formatVersion": 1,
                  "inputs": {"user": "index", "emotion": "index", "item": "index"},
                  "nodes": {
                    "u": {"type": "embedding", "input": "user", "rows": "users", "dim": 3},
                    "v": {"type": "embedding", "input": "item", "rows": "items", "dim": 3},
                    "ease": {"type": "item_item", "user": "user", "item": "item", "history": "events",
                             "items": "items", "lambda": %s %s},
                    "bpr": {"type": "bpr", "query": "u", "candidates": "v", "terms": ["ease"]}
                  }
                }
                """.formatted(LAMBDA, factor);
    }

    static ModelGraph build(String json, ParameterStore store) {
        return HistoryAffinityTest.build(json, store, TRAIN, 3, 5);
    }

    static double[] values(ModelGraph model, Batch batch) {
        try (Graph g = ENGINE.openInference()) {
            return model.forward(g, batch, ForwardMode.means(), List.of("ease")).value("ease").value().data().clone();
        }
    }

    /** Positives (0, 1), (1, 2), (2, 3), two negatives each. */
    static Batch trainingBatch() {
        return Batch.ofIndices(Map.of("user", new int[] {0, 1, 2}, "emotion", new int[] {0, 1, 1},
                "item", new int[] {1, 2, 3, 4, 2, 0, 4, 1, 4}));
    }

    @Test
    void candidateRowsScoreTheFactorTimesTheEaseScoreOfTheirQuerysUser() {
        ModelGraph model = build(spec(", \"factor\": 2.5"), new ParameterStore());
        SeenItems seen = SeenItems.of(TRAIN);
        EaseWeights b = EaseWeights.fit(seen, 5, LAMBDA);
        double[] got = values(model, trainingBatch());
        int[] owner = {0, 1, 2, 0, 0, 1, 1, 2, 2};
        int[] items = {1, 2, 3, 4, 2, 0, 4, 1, 4};
        for (int r = 0; r < items.length; r++) {
            assertThat(got[r]).as("row %d", r).isCloseTo(2.5 * b.score(seen.itemsOf(owner[r]), items[r]), within(1e-14));
        }
        // item 4 was never played: B's column is zero, and so is its score
        assertThat(got[3]).isZero();
    }

    @Test
    void wholeRowsEqualThePairValuesOfAForwardPass() {
        ModelGraph model = build(spec(", \"factor\": -1.5"), new ParameterStore());
        ItemScoresNode node = (ItemScoresNode) model.node("ease");
        for (int user = 0; user < 3; user++) {
            double[] row = new double[5];
            node.rowScores().add(user, 1, row, 0);
            int u = user;
            double[] pairs = values(model, Batch.ofIndices(Map.of("user", new int[] {u, u, u, u, u},
                    "emotion", new int[5], "item", new int[] {0, 1, 2, 3, 4})));
            assertThat(row).containsExactly(pairs, within(1e-14));
        }
        // a block of queries (the scorer's call) gives each query's row exactly as one at a time
        int[] users = {2, 0, 1, 1, 2};
        int[] contexts = {0, 1, 0, 1, 1};
        double[] block = new double[3 * 5];
        Arrays.fill(block, 0.25);
        node.rowScores().addRows(users, contexts, 1, 4, block, 5);
        for (int q = 1; q < 4; q++) {
            double[] one = new double[5];
            Arrays.fill(one, 0.25);
            node.rowScores().add(users[q], contexts[q], one, 0);
            assertThat(Arrays.copyOfRange(block, (q - 1) * 5, q * 5)).as("query %d", q).containsExactly(one);
        }
    }

    @Test
    void wholeRowsTravelAsDataAndScoreTheSameAfterSerialisation() throws Exception {
        ModelGraph model = build(spec(", \"factor\": 2"), new ParameterStore());
        ItemRowScores rows = ((ItemScoresNode) model.node("ease")).rowScores();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(rows);
        }
        ItemRowScores copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ItemRowScores) in.readObject();
        }
        for (int user = 0; user < 3; user++) {
            double[] expected = new double[5];
            double[] got = new double[5];
            rows.add(user, 0, expected, 0);
            copy.add(user, 0, got, 0);
            assertThat(got).as("user %d", user).containsExactly(expected);
        }
    }

    @Test
    void bprWithALearnedFactorMatchesFiniteDifferences() {
        ParameterStore store = new ParameterStore();
        ModelGraph model = build(spec(", \"factor\": 0.8, \"learned\": true"), store);
        List<Parameter> params = new ArrayList<>(store.all());
        assertThat(params).extracting(Parameter::name).contains("ease/factor");
        double err = GradientCheck.maxError(ENGINE, params, (g, in) -> model.forward(g, trainingBatch(),
                ForwardMode.train(RandomStreams.create(2)), List.of("bpr")).value("bpr"), RandomStreams.create(5));
        assertThat(err).isLessThan(1e-6);
    }

    @Test
    void withTrainingFoldsATrainingPassScoresEachUserWithBFittedWithoutTheUsersFold() {
        ModelGraph model = build(spec(", \"trainingFolds\": 2"), new ParameterStore());
        SeenItems seen = SeenItems.of(TRAIN);
        EaseWeights all = EaseWeights.fit(seen, 5, LAMBDA);
        EaseWeights[] without = {EaseWeights.fit(seen, 5, LAMBDA, u -> u % 2 != 0),
            EaseWeights.fit(seen, 5, LAMBDA, u -> u % 2 != 1)};
        int[] owner = {0, 1, 2, 0, 0, 1, 1, 2, 2};
        int[] items = {1, 2, 3, 4, 2, 0, 4, 1, 4};
        double[] training;
        try (Graph g = ENGINE.openInference()) {
            training = model.forward(g, trainingBatch(), ForwardMode.train(RandomStreams.create(1)), List.of("ease"))
                    .value("ease").value().data().clone();
        }
        double[] inference = values(model, trainingBatch());
        for (int r = 0; r < items.length; r++) {
            int[] played = seen.itemsOf(owner[r]);
            assertThat(training[r]).as("training row %d", r)
                    .isCloseTo(without[owner[r] % 2].score(played, items[r]), within(1e-14));
            assertThat(inference[r]).as("inference row %d", r).isCloseTo(all.score(played, items[r]), within(1e-14));
        }
        assertThat(training).as("held-out fits differ from the fit on all users").isNotEqualTo(inference);
    }

    @Test
    void aFixedFactorAddsNoParameter() {
        ParameterStore store = new ParameterStore();
        build(spec(""), store);
        assertThat(store.all()).extracting(Parameter::name).doesNotContain("ease/factor");
    }

    @Test
    void refusesAMissingLambdaNamingTheNode() {
        String json = spec("").replace("\"lambda\": " + LAMBDA, "\"lambda\": -1");
        assertThatThrownBy(() -> build(json, new ParameterStore())).isInstanceOf(SpecException.class)
                .hasMessageContaining("node 'ease': lambda must be a positive number, got -1");
    }
}
