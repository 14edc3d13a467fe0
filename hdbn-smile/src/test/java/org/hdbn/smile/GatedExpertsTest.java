package org.hdbn.smile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.gate.FixedGate;
import org.hdbn.graph.Batch;
import org.hdbn.graph.BatchShard;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.GraphSpec;
import org.hdbn.graph.LossTerm;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecMapper;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Block;
import org.hdbn.nn.Dense;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class GatedExpertsTest {

    static final AutodiffEngine ENGINE = Engines.byName("tape");
    // entities 0..5 in groups 2, 0, 2, 1, 0, 2; group 3 has nobody in the batch
    static final FixedGate GATE = new FixedGate(new int[] {2, 0, 2, 1, 0, 2, 3});
    static final int[] ENTITIES = {0, 1, 2, 3, 4, 5};

    static List<Block> linearExperts(ParameterStore store) {
        List<Block> experts = new ArrayList<>();
        for (int g = 0; g < GATE.numGroups(); g++) {
            experts.add(new Dense(store, "expert" + g, 3, 2, Activation.IDENTITY, RandomStreams.create(g)));
        }
        return experts;
    }

    static Tensor input() {
        return GradientCheck.randomLike(new int[] {6, 3}, RandomStreams.create(9));
    }

    @Test
    void eachRowIsItsGroupsExpertApplied() {
        ParameterStore store = new ParameterStore();
        List<Block> experts = linearExperts(store);
        GatedExperts gated = new GatedExperts(GATE, experts);
        Tensor x = input();
        try (Graph g = ENGINE.openInference()) {
            double[] routed = gated.forward(g, g.constant(x), ENTITIES, ForwardMode.means()).value().data();
            for (int r = 0; r < ENTITIES.length; r++) {
                Block own = experts.get(GATE.group(ENTITIES[r]));
                Var row = g.constant(Tensor.of(x.row(r), 1, 3));
                double[] byHand = own.forward(g, row, ForwardMode.means()).value().data();
                assertThat(new double[] {routed[2 * r], routed[2 * r + 1]}).containsExactly(byHand);
            }
        }
    }

    @Test
    void gradientsMatchFiniteDifferencesAndReachOnlyTheExpertsUsed() {
        ParameterStore store = new ParameterStore();
        GatedExperts gated = new GatedExperts(GATE, linearExperts(store));
        Parameter x = new Parameter("x", input(), false);
        List<Parameter> params = new ArrayList<>(store.all());
        params.add(x);
        double err = GradientCheck.maxError(ENGINE, params,
                (g, in) -> gated.forward(g, in.get(in.size() - 1), ENTITIES, ForwardMode.means()), RandomStreams.create(4));
        assertThat(err).isLessThan(1e-6);
        try (Graph g = ENGINE.open()) {
            g.backward(g.sum(gated.forward(g, g.param(x), ENTITIES, ForwardMode.means())));
        }
        assertThat(store.get("expert3/weight").grad()).containsOnly(0.0);
        assertThat(store.get("expert0/weight").grad()).isNotEqualTo(new double[6]);
    }

    @Test
    void singleGroupBatchesGiveTheSameRowsAsAMixedBatch() {
        // group-aware batching only changes which rows share a batch: a deterministic model's output
        // for a row must not depend on it
        ParameterStore store = new ParameterStore();
        GatedExperts gated = new GatedExperts(GATE, linearExperts(store));
        Tensor x = input();
        try (Graph g = ENGINE.openInference()) {
            double[] mixed = gated.forward(g, g.constant(x), ENTITIES, ForwardMode.means()).value().data();
            for (int grp = 0; grp < 3; grp++) {
                List<Integer> rows = new ArrayList<>();
                for (int r = 0; r < ENTITIES.length; r++) {
                    if (GATE.group(ENTITIES[r]) == grp) {
                        rows.add(r);
                    }
                }
                int[] idx = rows.stream().mapToInt(Integer::intValue).toArray();
                int[] ents = rows.stream().mapToInt(r -> ENTITIES[r]).toArray();
                double[] alone = gated.forward(g, g.gather(g.constant(x), idx), ents, ForwardMode.means()).value().data();
                for (int k = 0; k < idx.length; k++) {
                    assertThat(alone[2 * k]).isEqualTo(mixed[2 * idx[k]]);
                    assertThat(alone[2 * k + 1]).isEqualTo(mixed[2 * idx[k] + 1]);
                }
            }
        }
    }

    static final String SPEC = """
            {"formatVersion": 1, "inputs": {"user": "index"},
             "nodes": {
               "u": {"type": "embedding", "input": "user", "rows": 7, "dim": 3},
               "moods": {"type": "gated_experts", "input": "u", "entity": "user", "out": 4,
                         "expert": {"type": "bayesian_mlp", "hidden": [5], "outputActivation": "softmax"},
                         "datasetSize": 100}
             }}
            """;

    @Test
    void asASpecTypeItRoundTripsAndAddsTheKlOfTheExpertsItRan() {
        SpecMapper mapper = new SpecMapper();
        GraphSpec spec = mapper.read("spec", new ByteArrayInputStream(SPEC.getBytes(StandardCharsets.UTF_8)), GraphSpec.class);
        assertThat(mapper.read("again", new ByteArrayInputStream(mapper.write(spec).getBytes(StandardCharsets.UTF_8)),
                GraphSpec.class)).isEqualTo(spec);
        ParameterStore store = new ParameterStore();
        ModelGraph model = ModelGraph.build(spec, new BuildContext(store, 1, Map.of(), Map.of(),
                Map.of("user_group", GATE)), KlRegistry.withDefaults());
        try (Graph g = ENGINE.open()) {
            ForwardResult r = model.forward(g, Batch.ofIndices(Map.of("user", new int[] {1, 3, 4})),
                    ForwardMode.train(RandomStreams.create(2)), List.of());
            // entities 1 and 4 are in group 0, 3 in group 1: two experts ran, two KL terms
            assertThat(r.losses()).extracting(LossTerm::name).containsExactly("moods/kl", "moods/kl");
            assertThat(r.losses()).allSatisfy(t -> assertThat(t.weight()).isEqualTo(0.01));
            double[] rowSums = g.sum(r.value("moods"), 1).value().data();
            for (double s : rowSums) {
                assertThat(s).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
            }
        }
    }

    @Test
    void aSplitBatchAddsEachExpertsKlOnceAcrossItsShards() {
        SpecMapper mapper = new SpecMapper();
        GraphSpec spec = mapper.read("spec", new ByteArrayInputStream(SPEC.getBytes(StandardCharsets.UTF_8)), GraphSpec.class);
        ModelGraph model = ModelGraph.build(spec, new BuildContext(new ParameterStore(), 1, Map.of(), Map.of(),
                Map.of("user_group", GATE)), KlRegistry.withDefaults());
        // groups 2, 0, 2, 1, 0, 2: three experts ran, so three KL terms in all, whichever the split
        Batch whole = Batch.ofIndices(Map.of("user", ENTITIES));
        ForwardMode means = new ForwardMode(true, false, RandomStreams.create(3));
        double expected;
        try (Graph g = ENGINE.open()) {
            ForwardResult r = model.forward(g, whole, means, List.of());
            assertThat(r.losses()).hasSize(3);
            expected = r.totalLoss(g).value().item();
        }
        for (int shards : new int[] {2, 3, 6}) {
            double total = 0;
            int terms = 0;
            for (int s = 0; s < shards; s++) {
                int from = ENTITIES.length * s / shards;
                int to = ENTITIES.length * (s + 1) / shards;
                Batch part = Batch.ofIndices(Map.of("user", java.util.Arrays.copyOfRange(ENTITIES, from, to)));
                try (Graph g = ENGINE.open()) {
                    ForwardResult r = model.forward(g, part, means, List.of(),
                            new BatchShard(s, shards, from, to, whole, ENTITIES.length));
                    terms += r.losses().size();
                    total += r.losses().isEmpty() ? 0 : r.totalLoss(g).value().item();
                }
            }
            assertThat(terms).as("%d shards", shards).isEqualTo(3);
            assertThat(total).as("%d shards", shards).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-12));
        }
    }
}
