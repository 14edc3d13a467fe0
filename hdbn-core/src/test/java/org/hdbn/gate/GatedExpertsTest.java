package org.hdbn.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Block;
import org.hdbn.nn.Dense;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
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
}
