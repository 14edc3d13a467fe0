package org.hdbn.spark;

import java.io.Serializable;
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
import org.hdbn.eval.EntityIdTables;
import org.hdbn.eval.ItemRowScores;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.eval.TopKRanker;
import org.hdbn.eval.TowerScores;

/**
 * Batch recommendation on Spark's executors: the best {@code k} items of every (user, context)
 * query, written as Parquet with columns {@code query} (the row of the queries), {@code user},
 * {@code context}, {@code items} (best first) and {@code scores} (model indexes), then
 * {@code user_id}, {@code context_id} and {@code item_ids} (the same, as the data's external ids).
 * Scoring and ranking are those of evaluation ({@link TopKRanker} on the scores of
 * {@link TowerScores#scorer()}), with the item matrix broadcast and the queries sent in slices. The
 * item and context ids are broadcast once beside the item matrix; a slice carries the ids of its own
 * users only, so no id table travels with every row or every task.
 */
public final class SparkRecommender {

    /** The Parquet schema written. */
    public static final StructType SCHEMA = new StructType()
            .add("query", DataTypes.IntegerType, false)
            .add("user", DataTypes.IntegerType, false)
            .add("context", DataTypes.IntegerType, false)
            .add("items", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
            .add("scores", DataTypes.createArrayType(DataTypes.DoubleType, false), false)
            .add("user_id", DataTypes.StringType, false)
            .add("context_id", DataTypes.StringType, false)
            .add("item_ids", DataTypes.createArrayType(DataTypes.StringType, false), false);

    /** A slice of queries with the external ids of its users ({@code userIds[u]} for the slice's user {@code u}). */
    record NamedSlice(QuerySlice slice, String[] userIds) implements Serializable {

        static NamedSlice of(QuerySlice slice, List<String> ids) {
            String[] names = new String[slice.userIds().length];
            for (int u = 0; u < names.length; u++) {
                names[u] = ids.get(slice.userIds()[u]);
            }
            return new NamedSlice(slice, names);
        }
    }

    private final SparkSession spark;

    public SparkRecommender(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Writes the lists of all queries to {@code out} (a Parquet folder, replaced if present).
     *
     * @param queries one row per query: user and context; the item column is ignored
     * @param ids the external ids of the users, contexts and items
     * @param excludeSeen whether each user's training items are left out of their list
     */
    public void recommendAll(TowerScores scores, Interactions queries, EntityIdTables ids, SeenItems train,
            boolean excludeSeen, int k, Path out) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, got " + k);
        }
        if (scores.numQueries() != queries.size()) {
            throw new IllegalArgumentException(scores.numQueries() + " query vectors for " + queries.size() + " queries");
        }
        ids.requireCovers(queries, scores.numItems());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<NamedSlice> slices = new ArrayList<>();
        for (QuerySlice slice : new SparkRanking(spark).slices(scores, queries, train, RankingEvaluator.DEFAULT_BLOCK_SIZE)) {
            slices.add(NamedSlice.of(slice, ids.users()));
        }
        Broadcast<Matrix> items = sc.broadcast(Matrix.of(scores.items()));
        Broadcast<List<ItemRowScores>> rowTerms = sc.broadcast(new ArrayList<>(scores.rowTerms()));
        Broadcast<String[]> itemIds = sc.broadcast(ids.items().toArray(new String[0]));
        Broadcast<String[]> contextIds = sc.broadcast(ids.contexts().toArray(new String[0]));
        int listLength = Math.min(k, scores.numItems());
        try {
            JavaRDD<Row> rows = sc.parallelize(slices, slices.size())
                    .flatMap(named -> recommend(named, items.value(), rowTerms.value(), contextIds.value(),
                            itemIds.value(), excludeSeen, listLength));
            spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.Overwrite).parquet(out.toString());
        } finally {
            items.destroy();
            rowTerms.destroy();
            itemIds.destroy();
            contextIds.destroy();
        }
    }

    /** One slice's lists, scored and ranked block by block. */
    static Iterator<Row> recommend(NamedSlice named, Matrix items, List<ItemRowScores> rowTerms, String[] contextIds,
            String[] itemIds, boolean excludeSeen, int listLength) {
        QuerySlice slice = named.slice();
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
                int offset = (q - from) * numItems;
                int[] top = target < 0 ? new int[0] : ranker.rank(buffer, offset, target, excluded, slice.from() + q).top();
                double[] topScores = new double[top.length];
                String[] topIds = new String[top.length];
                for (int r = 0; r < top.length; r++) {
                    topScores[r] = buffer[offset + top[r]];
                    topIds[r] = itemIds[top[r]];
                }
                int user = slice.users()[q];
                int context = slice.contexts()[q];
                rows.add(RowFactory.create(slice.from() + q, slice.userIds()[user], context, top, topScores,
                        named.userIds()[user], contextIds[context], topIds));
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
