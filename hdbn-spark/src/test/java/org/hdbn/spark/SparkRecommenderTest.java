package org.hdbn.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.RankingEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch recommendation writes, for every query, the list evaluation would recommend: with the seen
 * items excluded the paper protocol's list when the target is unseen, without exclusions the full list.
 */
@ExtendWith(SharedSpark.class)
class SparkRecommenderTest {

    @Test
    void writesTheListsEvaluationRecommends(SparkSession spark, @TempDir Path dir) {
        GeneratedScores g = GeneratedScores.of(5, 60, 120, 3, 700, 6);
        EvaluationResult expected = new RankingEvaluator(List.of(5, 10), 10, 256)
                .evaluate(g.scores().scorer(), g.eval(), g.train());
        new SparkRecommender(spark).recommendAll(g.scores(), g.eval(), g.train(), true, 10, dir.resolve("seen"));
        new SparkRecommender(spark).recommendAll(g.scores(), g.eval(), g.train(), false, 10, dir.resolve("all"));
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

    /** The rows in query order, without the query column. */
    private static List<Row> rows(SparkSession spark, Path dir) {
        return spark.read().parquet(dir.toString()).orderBy("query").drop("query").collectAsList();
    }

    private static int[] ints(Row row) {
        return row.<Integer>getList(2).stream().mapToInt(Integer::intValue).toArray();
    }
}
