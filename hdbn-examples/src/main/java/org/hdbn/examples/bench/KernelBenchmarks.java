package org.hdbn.examples.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.data.ContextHistory;
import org.hdbn.data.Interactions;
import org.hdbn.eval.DotProductScorer;
import org.hdbn.eval.TopKRanker;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Dense;
import org.hdbn.nn.ForwardMode;
import org.hdbn.optim.Adam;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Gemm;
import org.hdbn.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the hot kernels of an HDBN training step and of full-ranking evaluation, at
 * EmoMusicLJ's sizes: the matrix product in the layouts a dense layer's forward and backward use
 * (and a large square one, as {@code hdbn bench} times hdbn's kernel and the reference BLAS on), a dense layer and a Bayesian
 * layer's KL term forward and backward, the BPR loss over a batch of 512 positives with 10
 * negatives each, one block of 256 queries scored against 6,180 songs and ranked, and one Adam step on an
 * embedding table. Not run by the tests; run with
 * {@code java --add-modules jdk.incubator.vector -cp hdbn-examples/target/classes:$(cat hdbn-examples/target/classpath.txt)
 * org.openjdk.jmh.Main KernelBenchmarks} (the module as the launcher passes it: the forks take the JVM's flags).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmarks {

    @Param("tape")
    public String engine;

    /** Operands of one matrix product, in the layout and sizes of {@link #product}. */
    @State(Scope.Thread)
    public static class Product {

        /** The layout and sizes: NN, NT (dX = G W^T), TN (dW = X^T G), then m x n x k. */
        @Param({"NN 256x64x64", "NT 256x64x64", "TN 64x64x256", "NN 10x64x64", "NN 1024x1024x1024"})
        public String product;

        boolean transA;
        boolean transB;
        int m;
        int n;
        int k;
        double[] a;
        double[] b;
        double[] c;

        @Setup
        public void setUp() {
            var rng = RandomStreams.create(5);
            String[] layout = product.split(" ");
            transA = layout[0].charAt(0) == 'T';
            transB = layout[0].charAt(1) == 'T';
            String[] sizes = layout[1].split("x");
            m = Integer.parseInt(sizes[0]);
            n = Integer.parseInt(sizes[1]);
            k = Integer.parseInt(sizes[2]);
            a = random(rng, m, k).data();
            b = random(rng, k, n).data();
            c = new double[m * n];
        }
    }

    private AutodiffEngine autodiff;
    private Dense dense;
    private Tensor input;
    private Parameter table;
    private int[] rows;
    private double[] rowGrads;
    private Adam adam;
    private Tensor bprCandidates;
    private Parameter klMean;
    private Parameter klRho;
    private Tensor queries;
    private Tensor candidates;
    private DotProductScorer scorer;
    private double[] scores;
    private TopKRanker ranker;
    private int[] targets;
    private int[][] seen;
    private ContextHistory history;
    private int[] stepUsers;
    private int[] stepItems;

    @Setup
    public void setUp() {
        autodiff = Engines.byName(engine);
        var rng = RandomStreams.create(2);
        ParameterStore store = new ParameterStore();
        dense = new Dense(store, "dense", 64, 64, Activation.RELU, RandomStreams.create(1));
        input = random(rng, 512, 64);
        table = store.getOrCreate("table", new int[] {15000, 64}, true, Initializer.normal(0.1), RandomStreams.create(3));
        rows = RandomStreams.create(4).ints(512, 0, 15000).toArray();
        rowGrads = new double[512 * 64];
        java.util.Arrays.fill(rowGrads, 1e-3);
        adam = new Adam(LearningRateSchedule.constant(0.01));
        bprCandidates = random(rng, 512 * 11, 64);

        // one expert layer of HDBN's mood network: 64 x 64 weight means and rhos
        klMean = new Parameter("mu", random(rng, 64, 64), false);
        klRho = new Parameter("rho", Tensor.of(filled(64 * 64, -5.0), 64, 64), false);
        // the kernels' parameters stored as a trainer stores them for the engine (float for
        // tape-f32); the table stays double: adamStepOnTouchedRows measures the optimizer alone
        for (Parameter p : List.of(dense.weight(), dense.bias(), klMean, klRho)) {
            p.useStorage(autodiff.parameterStorage());
        }

        queries = random(rng, 15475, 73);
        candidates = random(rng, 6180, 73);
        scorer = new DotProductScorer(queries, candidates);
        scores = new double[256 * 6180];
        scorer.score(1024, 1024 + 256, scores);
        // an EmoMusicLJ user has about 8 training songs
        ranker = new TopKRanker(6180, 20);
        var picks = RandomStreams.create(6);
        targets = picks.ints(256, 0, 6180).toArray();
        seen = new int[256][];
        for (int q = 0; q < 256; q++) {
            seen[q] = picks.ints(8, 0, 6180).sorted().toArray();
        }

        // EmoMusicLJ's training split in size: 123,792 events of 15,475 users with 6,180 songs under 132 tags;
        // one step of 512 positives with 10 negatives each looks up 5,632 (user, song) pairs, a quarter played
        var events = RandomStreams.create(7);
        int[] users = events.ints(123792, 0, 15475).toArray();
        int[] items = events.ints(123792, 0, 6180).toArray();
        history = ContextHistory.of(new Interactions(users, items, events.ints(123792, 0, 132).toArray()));
        stepUsers = new int[512 * 11];
        stepItems = new int[512 * 11];
        for (int r = 0; r < stepUsers.length; r++) {
            int played = events.nextInt(users.length);
            stepUsers[r] = users[played];
            stepItems[r] = r % 4 == 0 ? items[played] : events.nextInt(6180);
        }
    }

    /** {@code C += op(A) op(B)} in each layout and size of {@link Product}. */
    @Benchmark
    public double gemm(Product p) {
        Gemm.gemm(p.transA, p.transB, p.m, p.n, p.k, p.a, p.b, p.c);
        return p.c[0];
    }

    /** Forward and backward of a 64 -> 64 ReLU layer (the fused linear op) on a batch of 512. */
    @Benchmark
    public double denseForwardBackward() {
        double out;
        try (Graph g = autodiff.open()) {
            var y = dense.forward(g, g.constant(input), ForwardMode.means());
            var loss = g.sum(y);
            out = loss.value().item();
            g.backward(loss);
        }
        dense.weight().zeroGrad();
        dense.bias().zeroGrad();
        return out;
    }

    /** A Bayesian layer's weight KL against N(0, 1): softplus of the rhos, the fused Gaussian KL, a sum. */
    @Benchmark
    public double gaussianKlForwardBackward() {
        double out;
        try (Graph g = autodiff.open()) {
            Var sigma = g.softplus(g.param(klRho));
            // the prior as a Bayesian layer's GaussianPrior gives it: single values
            Var kl = g.sum(g.gaussianKl(g.param(klMean), sigma, g.scalar(0.0), g.scalar(1.0)));
            out = kl.value().item();
            g.backward(kl);
        }
        klMean.zeroGrad();
        klRho.zeroGrad();
        return out;
    }

    /**
     * The BPR loss of 512 queries (a dense layer's output) against their positives and 10 negatives
     * each, forward and backward.
     */
    @Benchmark
    public double bprForwardBackward() {
        double out;
        try (Graph g = autodiff.open()) {
            Var queries = g.linear(g.constant(input), g.param(dense.weight()), g.param(dense.bias()));
            Var loss = g.bprLoss(queries, g.constant(bprCandidates));
            out = loss.value().item();
            g.backward(loss);
        }
        dense.weight().zeroGrad();
        dense.bias().zeroGrad();
        return out;
    }

    /** Scores of one block of 256 queries against all 6,180 songs (d = 73), as full ranking runs it. */
    @Benchmark
    public double scoreBlock() {
        scorer.score(1024, 1024 + 256, scores);
        return scores[0];
    }

    /**
     * Ranking of one scored block of 256 queries as full ranking runs it: each target's rank and the
     * top 20 with and without 8 excluded songs.
     */
    @Benchmark
    public int rankBlock() {
        int sum = 0;
        for (int q = 0; q < 256; q++) {
            sum += ranker.rank(scores, q * 6180, targets[q], seen[q], q).targetRank();
        }
        return sum;
    }

    /** The history lookups of one training step of the history-affinity term (5,632 pairs). */
    @Benchmark
    public int historyLookups() {
        int events = 0;
        for (int r = 0; r < stepUsers.length; r++) {
            events += history.contexts(stepUsers[r], stepItems[r]).length;
        }
        return events;
    }

    /** One Adam step on a 15,000 x 64 table whose batch touched 512 rows. */
    @Benchmark
    public double adamStepOnTouchedRows() {
        table.accumulateRows(rows, rowGrads);
        adam.step(List.of(table));
        table.zeroGrad();
        return table.value().data()[rows[0] * 64];
    }

    private static Tensor random(org.apache.commons.rng.UniformRandomProvider rng, int r, int cols) {
        Tensor t = Tensor.zeros(r, cols);
        Initializer.normal(1).fill(t, rng);
        return t;
    }

    private static double[] filled(int size, double value) {
        double[] d = new double[size];
        java.util.Arrays.fill(d, value);
        return d;
    }
}
