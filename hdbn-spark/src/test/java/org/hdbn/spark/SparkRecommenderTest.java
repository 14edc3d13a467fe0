package org.hdbn.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hdbn.eval.EntityIdTables;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.RankingEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch recommendation writes, for every query, the list evaluation would recommend: with the seen
 * items excluded the paper protocol's list when the target is unseen, without exclusions the full list;
 * and beside the indexes, the data set's ids of the same users, contexts and items.
 */
@ExtendWith(SharedSpark.class)
class SparkRecommenderTest {

    @Test
    void writesTheListsEvaluationRecommends(SparkSession spark, @TempDir Path dir) {
        GeneratedScores g = GeneratedScores.of(5, 60, 120, 3, 700, 6);
        EvaluationResult expected = new RankingEvaluator(List.of(5, 10), 10, 256)
                .evaluate(g.scores().scorer(), g.eval(), g.train());
        EntityIdTables ids = ids(60, 3, 120);
        new SparkRecommender(spark).recommendAll(g.scores(), g.eval(), ids, g.train(), true, 10, dir.resolve("seen"));
        new SparkRecommender(spark).recommendAll(g.scores(), g.eval(), ids, g.train(), false, 10, dir.resolve("all"));
        List<Row> unseen = rows(spark, dir.resolve("seen"));
        List<Row> all = rows(spark, dir.resolve("all"));
        assertThat(unseen).hasSize(g.eval().size());
        int compared = 0;
        for (int q = 0; q < g.eval().size(); q++) {
            assertThat(all.get(q).getInt(0)).isEqualTo(g.eval().users()[q]);
            assertThat(all.get(q).getInt(1)).isEqualTo(g.eval().contexts()[q]);
            assertThat(ints(all.get(q))).isEqualTo(expected.fullRecommendations()[q]);
            if (!expected.targetSeen()[q]) {
                assertThat(ints(unseen.get(q))).isEqualTo(expected.recommendations()[q]);
                compared++;
            }
            for (int item : ints(unseen.get(q))) {
                assertThat(g.train().contains(g.eval().users()[q], item)).isFalse();
            }
            List<Double> scores = all.get(q).getList(3);
            for (int r = 1; r < scores.size(); r++) {
                assertThat(scores.get(r)).isLessThanOrEqualTo(scores.get(r - 1));
            }
        }
        assertThat(compared).isGreaterThan(g.eval().size() / 2);
    }

    @Test
    void writesTheDataSetsIdsBesideTheIndexes(SparkSession spark, @TempDir Path dir) {
        GeneratedScores g = GeneratedScores.of(6, 60, 120, 3, 700, 6);
        EntityIdTables ids = ids(60, 3, 120);
        new SparkRecommender(spark).recommendAll(g.scores(), g.eval(), ids, g.train(), true, 10, dir);
        List<Row> rows = spark.read().parquet(dir.toString()).orderBy("query").collectAsList();
        assertThat(rows).hasSize(g.eval().size());
        int listed = 0;
        for (Row row : rows) {
            int user = row.getInt(row.fieldIndex("user"));
            int context = row.getInt(row.fieldIndex("context"));
            assertThat(user).isEqualTo(g.eval().users()[row.getInt(row.fieldIndex("query"))]);
            assertThat(row.getString(row.fieldIndex("user_id"))).isEqualTo(ids.users().get(user));
            assertThat(row.getString(row.fieldIndex("context_id"))).isEqualTo(ids.contexts().get(context));
            List<String> expected = row.<Integer>getList(row.fieldIndex("items")).stream().map(ids.items()::get).toList();
            assertThat(row.<String>getList(row.fieldIndex("item_ids"))).isEqualTo(expected);
            listed += expected.size();
        }
        assertThat(listed).isEqualTo(10 * rows.size());
    }

    @Test
    void refusesIdTablesThatDoNotCoverTheModel(SparkSession spark, @TempDir Path dir) {
        GeneratedScores g = GeneratedScores.of(7, 60, 120, 3, 50, 6);
        assertThatThrownBy(() -> new SparkRecommender(spark).recommendAll(g.scores(), g.eval(), ids(60, 3, 119),
                g.train(), true, 10, dir)).hasMessageContaining("119 item ids for 120 scored items");
        assertThatThrownBy(() -> new SparkRecommender(spark).recommendAll(g.scores(), g.eval(), ids(60, 1, 120),
                g.train(), true, 10, dir)).hasMessageContaining("has no id (1 context ids)");
    }

    /**
     * Ids unlike the indexes (and in another order than the indexes' string order), so a column
     * written from the wrong table or the index itself cannot pass.
     */
    private static EntityIdTables ids(int users, int contexts, int items) {
        return new EntityIdTables(names("user-", users, 7), names("mood-", contexts, 2), names("song-", items, 11));
    }

    private static List<String> names(String prefix, int count, int step) {
        return IntStream.range(0, count).mapToObj(i -> prefix + (i * step + 3)).toList();
    }

    /** The rows in query order, without the query column. */
    private static List<Row> rows(SparkSession spark, Path dir) {
        return spark.read().parquet(dir.toString()).orderBy("query").select("user", "context", "items", "scores")
                .collectAsList();
    }

    private static int[] ints(Row row) {
        return row.<Integer>getList(2).stream().mapToInt(Integer::intValue).toArray();
    }
}
