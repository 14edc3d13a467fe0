package org.hdbn.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.BlockScorer;
import org.hdbn.eval.ItemRowScores;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.eval.TopKRanker;
import org.hdbn.eval.TowerScores;

/**
 * Batch recommendation on Spark's executors: the best {@code k} items of every (user, context)
 * query, written as Parquet with columns {@code query} (the row of the queries), {@code user},
 * {@code context}, {@code items} (best first) and {@code scores}. Scoring and ranking are those of evaluation ({@link TopKRanker} on the scores of
 * {@link TowerScores#scorer()}), with the item matrix broadcast and the queries sent in slices.
 */
public final class SparkRecommender {

    /** The Parquet schema written. */
    public static final StructType SCHEMA = new StructType()
            .add("query", DataTypes.IntegerType, false)
            .add("user", DataTypes.IntegerType, false)
            .add("context", DataTypes.IntegerType, false)
            .add("items", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("scores", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

    private final SparkSession spark;

    public SparkRecommender(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Writes the lists of all queries to {@code out} (a Parquet folder, replaced if present).
     *
     * @param queries one row per query: user and context; the item column is ignored
     * @param excludeSeen whether each user's training items are left out of their list
     */
    public void recommendAll(TowerScores scores, Interactions queries, SeenItems train, boolean excludeSeen, int k,
            Path out) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (scores.numQueries() != queries.size()) {
            throw new IllegalArgumentException(scores.numQueries() + " query vectors for " + queries.size() + " queries");
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<QuerySlice> slices = new SparkRanking(spark).slices(scores, queries, train, RankingEvaluator.DEFAULT_BLOCK_SIZE);
        Broadcast<Matrix> items = sc.broadcast(Matrix.of(scores.items()));
        Broadcast<List<ItemRowScores>> rowTerms = sc.broadcast(new ArrayList<>(scores.rowTerms()));
        int listLength = Math.min(k, scores.numItems());
        try {
            JavaRDD<Row> rows = sc.parallelize(slices, slices.size())
                    .flatMap(slice -> recommend(slice, items.value(), rowTerms.value(), excludeSeen, listLength));
            spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.Overwrite).parquet(out.toString());
        } finally {
            items.destroy();
            rowTerms.destroy();
        }
    }

    /** One slice's lists, scored and ranked block by block. */
    static Iterator<Row> recommend(QuerySlice slice, Matrix items, List<ItemRowScores> rowTerms, boolean excludeSeen,
            int listLength) {
        BlockScorer scorer = slice.scores(items, rowTerms).scorer();
        SeenItems seen = slice.seen();
        int numItems = scorer.numItems();
        int n = slice.users().length;
        int block = RankingEvaluator.DEFAULT_BLOCK_SIZE;
        TopKRanker ranker = new TopKRanker(numItems, listLength);
        double[] buffer = new double[Math.min(block, Math.max(n, 1)) * numItems];
        List<Row> rows = new ArrayList<>(n);
        for (int from = 0; from < n; from += block) {
            int to = Math.min(n, from + block);
            scorer.score(from, to, buffer);
            for (int q = from; q < to; q++) {
                int[] excluded = excludeSeen ? seen.itemsOf(slice.users()[q]) : new int[0];
                // the ranker always keeps its target among the candidates; a target that is not
                // excluded is a candidate anyway, so its lists are exactly the best candidates
                int target = firstNotIn(excluded, numItems);
                if (target < 0) {
                    rows.add(RowFactory.create(slice.from() + q, slice.userIds()[slice.users()[q]], slice.contexts()[q], new int[0],
                            new double[0]));
                    continue;
                }
                int offset = (q - from) * numItems;
                int[] top = ranker.rank(buffer, offset, target, excluded, slice.from() + q).top();
                double[] topScores = new double[top.length];
                for (int r = 0; r < top.length; r++) {
                    topScores[r] = buffer[offset + top[r]];
                }
                rows.add(RowFactory.create(slice.from() + q, slice.userIds()[slice.users()[q]], slice.contexts()[q], top, topScores));
            }
        }
        return rows.iterator();
    }

    /** The smallest item in {@code 0..numItems-1} not in the sorted {@code excluded}, or -1 if there is none. */
    static int firstNotIn(int[] excluded, int numItems) {
        int item = 0;
        for (int e : excluded) {
            if (e != item) {
                break;
            }
            item++;
        }
        return item < numItems ? item : -1;
    }

}
