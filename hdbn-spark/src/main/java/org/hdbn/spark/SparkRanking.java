package org.hdbn.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.ItemRowScores;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.eval.TowerScores;

/**
 * Full-ranking evaluation on Spark's executors, with the result of the single-process
 * {@link RankingEvaluator}, bit for bit. The item matrix is broadcast once; the evaluation rows go
 * out in slices of whole scoring blocks (dense row terms such as an item-item model are broadcast with
 * the items), each with its query vectors, sparse score terms and its
 * users' training items, and each executor runs {@link RankingEvaluator} itself on its slice. As
 * slices start on block boundaries, every block is scored by the same matrix product on the same
 * rows as in one process, so every score, rank and metric is the same.
 */
public final class SparkRanking {

    private final SparkSession spark;
    private final int slicesPerCore;

    /**
     * @param slicesPerCore slices per core of the session's default parallelism (more: better balance,
     *     more per-task overhead); at least 1
     */
    public SparkRanking(SparkSession spark, int slicesPerCore) {
        if (slicesPerCore < 1) {
            throw new IllegalArgumentException("slicesPerCore must be at least 1, got " + slicesPerCore);
        }
        this.spark = spark;
        this.slicesPerCore = slicesPerCore;
    }

    /** Four slices per core. */
    public SparkRanking(SparkSession spark) {
        this(spark, 4);
    }

    /**
     * What {@code evaluator.evaluate(scores.scorer(), eval, train)} returns, computed on the executors.
     *
     * @throws IllegalArgumentException if the scores and the evaluation rows differ in number
     */
    public EvaluationResult evaluate(RankingEvaluator evaluator, TowerScores scores, Interactions eval,
            SeenItems train) {
        int n = eval.size();
        if (scores.numQueries() != n) {
            throw new IllegalArgumentException(scores.numQueries() + " query vectors for " + n + " evaluation rows");
        }
        if (train.itemBound() > scores.numItems()) {
            throw new IllegalArgumentException("training data has item " + (train.itemBound() - 1)
                    + " but the scores cover only items 0.." + (scores.numItems() - 1));
        }
        List<QuerySlice> slices = slices(scores, eval, train, evaluator.blockSize());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Matrix> items = sc.broadcast(Matrix.of(scores.items()));
        Broadcast<List<ItemRowScores>> rowTerms = sc.broadcast(new ArrayList<>(scores.rowTerms()));
        List<Integer> cutoffs = evaluator.cutoffs();
        int listLength = evaluator.listLength();
        int blockSize = evaluator.blockSize();
        try {
            List<RankedSlice> ranked = sc.parallelize(slices, slices.size()).map(slice -> RankedSlice.of(slice.from(),
                    new RankingEvaluator(cutoffs, listLength, blockSize)
                            .evaluate(slice.scores(items.value(), rowTerms.value()).scorer(), slice.rows(), slice.seen())))
                    .collect();
            return assemble(evaluator, n, ranked);
        } finally {
            items.destroy();
            rowTerms.destroy();
        }
    }

    /** A slice's payload Spark accepts without a warning is 1000 KiB; slices stay under half of it. */
    static final long SLICE_BYTES = 512 * 1024;

    /**
     * Whole blocks per slice, about {@link #slicesPerCore} slices per core, more when that would make
     * a slice's query vectors and score terms larger than {@link #SLICE_BYTES}.
     */
    List<QuerySlice> slices(TowerScores scores, Interactions rows, SeenItems train, int blockSize) {
        int n = rows.size();
        int blocks = Math.max(1, (n + blockSize - 1) / blockSize);
        long bytes = 8L * scores.queries().size();
        for (var t : scores.terms()) {
            bytes += 12L * t.items().length;
        }
        long bySize = (bytes + SLICE_BYTES - 1) / SLICE_BYTES;
        int wanted = (int) Math.min(blocks, Math.max(bySize, (long) slicesPerCore * spark.sparkContext().defaultParallelism()));
        List<QuerySlice> slices = new ArrayList<>();
        for (int s = 0; s < wanted; s++) {
            int from = Math.min(n, (int) ((long) blocks * s / wanted) * blockSize);
            int to = Math.min(n, (int) ((long) blocks * (s + 1) / wanted) * blockSize);
            slices.add(QuerySlice.of(scores, rows, train, from, to));
        }
        return slices;
    }

    private static EvaluationResult assemble(RankingEvaluator evaluator, int n, List<RankedSlice> ranked) {
        int[] ranks = new int[n];
        int[][] lists = new int[n][];
        int[] fullRanks = new int[n];
        int[][] fullLists = new int[n][];
        boolean[] seen = new boolean[n];
        for (RankedSlice r : ranked) {
            int m = r.ranks().length;
            System.arraycopy(r.ranks(), 0, ranks, r.from(), m);
            System.arraycopy(r.lists(), 0, lists, r.from(), m);
            System.arraycopy(r.fullRanks(), 0, fullRanks, r.from(), m);
            System.arraycopy(r.fullLists(), 0, fullLists, r.from(), m);
            System.arraycopy(r.seen(), 0, seen, r.from(), m);
        }
        return new EvaluationResult(evaluator.metrics(), evaluator.listLength(), ranks, lists, fullRanks, fullLists,
                seen);
    }
}
