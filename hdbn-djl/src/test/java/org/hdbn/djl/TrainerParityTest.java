package org.hdbn.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.graph.Batch;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.GraphSpec;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecMapper;
import org.hdbn.optim.Adam;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.train.LossWeighting;
import org.hdbn.train.StepReport;
import org.hdbn.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * Training steps through {@link Trainer} on a two-tower BPR model built from core's node types
 * (embeddings, a data table, an MLP block, concatenation, BPR and L2 terms) leave the same
 * parameters, optimizer state and step reports on both engines, from identical starting values.
 */
class TrainerParityTest {

    static final String SPEC = """
            {
              "formatVersion": 1,
              "name": "two-tower",
              "inputs": {"user": "index", "candidate": "index"},
              "nodes": {
                "user_emb": {"type": "embedding", "input": "user", "rows": "users", "dim": 6},
                "item_emb": {"type": "embedding", "input": "candidate", "rows": "items", "dim": 6},
                "mood": {"type": "table", "table": "mood", "input": "candidate"},
                "user_mlp": {"type": "block", "inputs": ["user_emb"], "out": 3,
                             "block": {"type": "mlp", "hidden": [8], "activation": "tanh"}},
                "query": {"type": "concat", "inputs": ["user_emb", "user_mlp"]},
                "cand": {"type": "concat", "inputs": ["item_emb", "mood"]},
                "loss": {"type": "bpr", "query": "query", "candidates": "cand"},
                "reg": {"type": "l2", "inputs": ["user_emb", "item_emb"], "weight": 0.001}
              }
            }
            """;
    static final int USERS = 7;
    static final int ITEMS = 12;
    static final int STEPS = 4;
    static final double CLIP = 0.3;

    /**
     * Absolute, on parameters of order 1. Gradients agree to ~1e-15 (see {@link Parity#TOLERANCE}),
     * and Adam's {@code m / (sqrt(v) + eps)} can magnify a difference in a near-zero gradient, so the
     * bound leaves room (observed: agreement to 1e-15); a wrong gradient would move a parameter by
     * up to lr = 0.05 per step, eight orders of magnitude above it.
     */
    static final double TOLERANCE = 1e-10;

    record Run(List<StepReport> reports, ParameterStore store) {
    }

    static Run train(AutodiffEngine engine) {
        GraphSpec spec = new SpecMapper().read("two-tower spec",
                new ByteArrayInputStream(SPEC.getBytes(StandardCharsets.UTF_8)), GraphSpec.class);
        Tensor mood = Tensor.zeros(ITEMS, 3);
        Initializer.uniform(1).fill(mood, RandomStreams.create(11, "mood"));
        ParameterStore store = new ParameterStore();
        ModelGraph model = ModelGraph.build(spec, new BuildContext(store, 17, Map.of("users", USERS, "items", ITEMS),
                Map.of("mood", mood), Map.of()), KlRegistry.withDefaults());
        Trainer trainer = new Trainer(model, store, engine, new Adam(LearningRateSchedule.constant(0.05)), CLIP,
                LossWeighting.none());
        List<StepReport> reports = new ArrayList<>();
        var batchRng = RandomStreams.create(19, "batches");
        for (int s = 0; s < STEPS; s++) {
            // 4 users, each with a positive and 3 negatives; rows repeat across the batch
            int[] users = batchRng.ints(4, 0, USERS).toArray();
            int[] candidates = batchRng.ints(4 + 4 * 3, 0, ITEMS).toArray();
            Batch batch = Batch.ofIndices(Map.of("user", users, "candidate", candidates));
            reports.add(trainer.step(batch, List.of(), RandomStreams.create(23, "step", s)));
        }
        return new Run(reports, store);
    }

    @Test
    void stepsLeaveTheSameParametersOnBothEngines() {
        Run tape = train(Parity.TAPE);
        Run djl = train(Parity.DJL);
        for (int s = 0; s < STEPS; s++) {
            StepReport t = tape.reports().get(s);
            StepReport d = djl.reports().get(s);
            Parity.assertClose("step " + s + " loss and gradient norm", new double[] {t.total(), t.gradNorm()},
                    new double[] {d.total(), d.gradNorm()});
            assertThat(d.terms().keySet()).containsExactlyElementsOf(t.terms().keySet());
        }
        // the clip norm is below the first steps' gradient norms, so clipping is exercised
        assertThat(tape.reports().get(0).gradNorm()).isGreaterThan(CLIP);
        assertThat(djl.store().all()).extracting(Parameter::name)
                .containsExactlyElementsOf(tape.store().all().stream().map(Parameter::name).toList());
        for (Parameter p : tape.store().all()) {
            Parameter q = djl.store().get(p.name());
            assertClose(p.name(), p.value().data(), q.value().data());
            for (String slot : p.slotNames()) {
                assertClose(p.name() + " " + slot, p.slot(slot), q.slot(slot));
            }
            assertThat(q.slotNames()).containsExactlyElementsOf(p.slotNames());
        }
    }

    private static void assertClose(String what, double[] tape, double[] djl) {
        for (int k = 0; k < tape.length; k++) {
            assertThat(djl[k]).as("%s entry %d", what, k).isCloseTo(tape[k], within(TOLERANCE));
        }
    }
}
