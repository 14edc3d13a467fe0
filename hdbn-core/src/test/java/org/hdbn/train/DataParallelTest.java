package org.hdbn.train;

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
import org.hdbn.concurrent.ThreadTaskRunner;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.graph.Batch;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.GraphSpec;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecMapper;
import org.hdbn.optim.Adam;
import org.hdbn.optim.GradientClipping;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.optim.Optimizer;
import org.hdbn.optim.Sgd;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Data-parallel steps: shards sum to the whole batch, and threads never change the result. */
class DataParallelTest {

    static final String SPEC = """
            {
              "formatVersion": 1,
              "inputs": {"user": "index", "context": "index", "candidate": "index"},
              "nodes": {
                "user_emb": {"type": "embedding", "input": "user", "rows": "users", "dim": 4},
                "ctx_emb": {"type": "embedding", "input": "context", "rows": "contexts", "dim": 3},
                "item_emb": {"type": "embedding", "input": "candidate", "rows": "items", "dim": 4},
                "mood": {"type": "table", "table": "mood", "input": "candidate"},
                "user_mlp": {"type": "block", "inputs": ["user_emb", "ctx_emb"], "out": 2,
                             "block": {"type": "mlp", "hidden": [8], "activation": "tanh"}},
                "query": {"type": "concat", "inputs": ["user_emb", "user_mlp"]},
                "cand": {"type": "concat", "inputs": ["item_emb", "mood"]},
                "loss": {"type": "bpr", "query": "query", "candidates": "cand"},
                "reg": {"type": "l2", "inputs": ["user_emb", "item_emb"], "weight": 0.01}
              }
            }
            """;

    static final int USERS = 9;
    static final BatchSlicer SLICER = new PairwiseSlicer(BatchColumns.DEFAULT, 3, null);
    static final BatchSlicer BY_GROUP = new PairwiseSlicer(BatchColumns.DEFAULT, 3, new int[] {0, 1, 2, 0, 1, 2, 2, 2, 0});
    static final int ITEMS = 25;

    record Setup(ParameterStore store, ModelGraph model, PairwiseBatches batches) {
    }

    static Setup setup() {
        GraphSpec spec = new SpecMapper().read("test spec", new ByteArrayInputStream(SPEC.getBytes(StandardCharsets.UTF_8)),
                GraphSpec.class);
        ParameterStore store = new ParameterStore();
        double[] mood = new double[ITEMS * 2];
        for (int i = 0; i < ITEMS; i++) {
            mood[2 * i] = i / (double) ITEMS;
            mood[2 * i + 1] = 1 - mood[2 * i];
        }
        BuildContext ctx = new BuildContext(store, 3, Map.of("users", USERS, "items", ITEMS, "contexts", 4),
                Map.of("mood", Tensor.of(mood, ITEMS, 2)), Map.of());
        ModelGraph model = ModelGraph.build(spec, ctx, KlRegistry.withDefaults());
        int n = 70;
        int[] u = new int[n];
        int[] i = new int[n];
        int[] c = new int[n];
        for (int r = 0; r < n; r++) {
            u[r] = r % USERS;
            i[r] = (r * 7) % ITEMS;
            c[r] = r % 4;
        }
        Interactions train = new Interactions(u, i, c);
        PairwiseBatches batches = new PairwiseBatches(train, SeenItems.of(train), ITEMS, 32, 3, BatchColumns.DEFAULT, null);
        return new Setup(store, model, batches);
    }

    /** Trains three steps (the last batch is a short one) and returns every parameter's values. */
    static List<double[]> train(DataParallel parallel, Optimizer optimizer) {
        return train(Engines.byName("tape"), parallel, optimizer);
    }

    static List<double[]> train(AutodiffEngine engine, DataParallel parallel, Optimizer optimizer) {
        Setup s = setup();
        Trainer trainer = new Trainer(s.model(), s.store(), engine, optimizer, 5.0, LossWeighting.none(), parallel);
        // the batches come from their own stream: a split step draws its shards' seed from the step's stream
        List<Batch> epoch = new ArrayList<>();
        s.batches().epoch(RandomStreams.create(11)).forEachRemaining(epoch::add);
        trainer.run(epoch.iterator(), List.of(), RandomStreams.create(12), r -> { });
        List<double[]> values = new ArrayList<>();
        for (Parameter q : s.store().all()) {
            values.add(q.value().data().clone());
        }
        return values;
    }

    @Test
    void threadsDoNotChangeASingleBit() {
        for (BatchSlicer slicer : List.of(SLICER, BY_GROUP)) {
            // 2 to 7 shards: every shape of the reduction tree up to three levels, with an odd last pair
            for (int shards : new int[] {2, 3, 4, 5, 7}) {
                List<double[]> one = train(new DataParallel(shards, 1, slicer), adam());
                for (int threads : new int[] {2, 3, shards}) {
                    List<double[]> many = train(new DataParallel(shards, threads, slicer), adam());
                    assertThat(many).hasSameSizeAs(one);
                    for (int k = 0; k < one.size(); k++) {
                        assertThat(many.get(k)).as("parameter %d with %d shards on %d threads", k, shards, threads)
                                .isEqualTo(one.get(k));
                    }
                }
            }
        }
    }

    @Test
    void passesOpenedWithTheDirectSinkGiveTheSameBitsAsPlainPasses() {
        // an engine that cannot route gradients makes the trainer open plain passes: the sink path
        // (open(GradientSink), the parameters' arrays as gradient targets) must not change a bit
        AutodiffEngine tape = Engines.byName("tape");
        AutodiffEngine plain = new AutodiffEngine() {
            @Override
            public String name() {
                return "plain tape";
            }

            @Override
            public Graph open() {
                return tape.open();
            }

            @Override
            public Graph openInference() {
                return tape.openInference();
            }
        };
        List<double[]> recycled = train(tape, DataParallel.none(), adam());
        List<double[]> fresh = train(plain, DataParallel.none(), adam());
        for (int k = 0; k < fresh.size(); k++) {
            assertThat(recycled.get(k)).as("parameter %d", k).isEqualTo(fresh.get(k));
        }
    }

    @Test
    void theStepsNormIsTheNormOfTheGradientsTheOptimizerGets() {
        // the trainer sums each parameter's squares inside the reduction; the norm must be the one
        // GradientClipping computes over the finished gradients, to the bit, and clipping must
        // scale those gradients to the limit
        for (double clip : new double[] {Double.POSITIVE_INFINITY, 0.05}) {
            for (DataParallel parallel : List.of(DataParallel.none(), new DataParallel(2, 2, BY_GROUP),
                    new DataParallel(3, 2, SLICER), new DataParallel(5, 3, BY_GROUP))) {
                Setup s = setup();
                List<Double> seen = new ArrayList<>();
                Optimizer adam = adam();
                Optimizer recording = new Optimizer() {
                    @Override
                    public void step(java.util.Collection<Parameter> parameters) {
                        seen.add(GradientClipping.globalNorm(parameters));
                        adam.step(parameters);
                    }

                    @Override
                    public long steps() {
                        return adam.steps();
                    }

                    @Override
                    public void restoreSteps(long steps) {
                        adam.restoreSteps(steps);
                    }

                    @Override
                    public double currentLearningRate() {
                        return adam.currentLearningRate();
                    }
                };
                Trainer trainer = new Trainer(s.model(), s.store(), Engines.byName("tape"), recording, clip,
                        LossWeighting.none(), parallel);
                List<Batch> epoch = new ArrayList<>();
                s.batches().epoch(RandomStreams.create(11)).forEachRemaining(epoch::add);
                List<Double> reported = new ArrayList<>();
                trainer.run(epoch.iterator(), List.of(), RandomStreams.create(12), r -> reported.add(r.gradNorm()));
                assertThat(reported).hasSameSizeAs(seen).isNotEmpty();
                for (int k = 0; k < seen.size(); k++) {
                    if (Double.isInfinite(clip)) {
                        assertThat(reported.get(k)).as("step %d, %d shards", k, parallel.shards()).isEqualTo(seen.get(k));
                    } else {
                        assertThat(reported.get(k)).as("the batch's norm is above the limit").isGreaterThan(clip);
                        assertThat(seen.get(k)).as("step %d, %d shards, clipped", k, parallel.shards())
                                .isCloseTo(clip, within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void shardsSumToTheWholeBatch() {
        // the model has no noise, so split and whole steps differ by round-off only; SGD keeps
        // that round-off (about 1e-16 of each gradient) from being amplified the way Adam's
        // normalisation would amplify it for gradients near zero
        List<double[]> whole = train(DataParallel.none(), sgd());
        for (BatchSlicer slicer : List.of(SLICER, BY_GROUP)) {
            for (int shards : new int[] {3, 6}) {
                List<double[]> split = train(new DataParallel(shards, 2, slicer), sgd());
                for (int k = 0; k < whole.size(); k++) {
                    double[] w = whole.get(k);
                    double[] s = split.get(k);
                    for (int j = 0; j < w.length; j++) {
                        assertThat(s[j]).as("parameter %d entry %d, %d shards", k, j, shards).isCloseTo(w[j], within(1e-12));
                    }
                }
            }
        }
    }

    @Test
    void aSlicedPairwiseBatchKeepsEachPositiveWithItsNegatives() {
        BatchSlicer slicer = new PairwiseSlicer(BatchColumns.DEFAULT, 2, null);
        Batch batch = Batch.ofIndices(Map.of("user", new int[] {10, 11, 12}, "context", new int[] {0, 1, 2},
                "candidate", new int[] {100, 101, 102, 200, 201, 210, 211, 220, 221}));
        assertThat(slicer.rows(batch)).isEqualTo(3);
        Batch part = slicer.slice(batch, 1, 3);
        assertThat(part.index("user")).containsExactly(11, 12);
        assertThat(part.index("context")).containsExactly(1, 2);
        assertThat(part.index("candidate")).containsExactly(101, 102, 210, 211, 220, 221);
        assertThatThrownBy(() -> slicer.slice(batch, 2, 2)).hasMessageContaining("rows [2, 2)");
    }

    @Test
    void aGroupedSlicerOrdersRowsByGroupAndCutsBetweenGroups() {
        // users 0..5 in groups 1, 0, 1, 2, 0, 1
        BatchSlicer slicer = new PairwiseSlicer(BatchColumns.DEFAULT, 1, new int[] {1, 0, 1, 2, 0, 1});
        Batch batch = Batch.ofIndices(Map.of("user", new int[] {0, 1, 2, 3, 4, 5, 0, 1}, "context",
                new int[] {10, 11, 12, 13, 14, 15, 16, 17}, "candidate",
                new int[] {100, 101, 102, 103, 104, 105, 106, 107, 200, 201, 202, 203, 204, 205, 206, 207}));
        Batch arranged = slicer.arrange(batch);
        assertThat(arranged.index("user")).containsExactly(1, 4, 1, 0, 2, 5, 0, 3);
        assertThat(arranged.index("context")).containsExactly(11, 14, 17, 10, 12, 15, 16, 13);
        assertThat(arranged.index("candidate")).containsExactly(101, 104, 107, 100, 102, 105, 106, 103,
                201, 204, 207, 200, 202, 205, 206, 203);
        // the even cut at 4 moves to the boundary between groups 0 and 1 at 3
        assertThat(slicer.cuts(arranged, 2)).containsExactly(0, 3, 8);
    }

    @Test
    void theFailureOfTheLowestShardIsReported() {
        ThreadTaskRunner runner = new ThreadTaskRunner(2);
        assertThatThrownBy(() -> runner.run(4, s -> {
            if (s >= 1) {
                throw new IllegalStateException("shard " + s);
            }
        })).hasMessage("shard 1");
    }

    static Optimizer adam() {
        return new Adam(LearningRateSchedule.constant(0.05));
    }

    static Optimizer sgd() {
        return new Sgd(LearningRateSchedule.constant(0.1));
    }
}
