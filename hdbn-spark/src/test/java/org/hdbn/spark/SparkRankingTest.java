package org.hdbn.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.testing.SameRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Ranking on executors gives exactly the single-process evaluator's ranks, lists and metrics. */
@ExtendWith(SharedSpark.class)
class SparkRankingTest {

    @Test
    void equalsTheSingleProcessEvaluatorUnderEveryProtocol(SparkSession spark) {
        GeneratedScores g = GeneratedScores.of(7, 300, 500, 5, 2000, 8);
        RankingEvaluator evaluator = new RankingEvaluator(List.of(1, 5, 10, 20), 20, 64);
        EvaluationResult local = evaluator.evaluate(g.scores().scorer(), g.eval(), g.train());
        // the protocols must differ on this data, or the test would not tell them apart
        assertThat(local.metrics(Protocol.STRICT).triples()).isLessThan(local.metrics(Protocol.FULL).triples());
        EvaluationResult spread = new SparkRanking(spark, 3).evaluate(evaluator, g.scores(), g.eval(), g.train());
        SameRanking.check(local, spread);
    }

    @Test
    void aRaggedLastBlockAndMoreSlicesThanBlocksChangeNothing(SparkSession spark) {
        GeneratedScores g = GeneratedScores.of(11, 50, 80, 3, 333, 4);
        RankingEvaluator evaluator = new RankingEvaluator(List.of(5, 10), 10, 100);
        EvaluationResult local = evaluator.evaluate(g.scores().scorer(), g.eval(), g.train());
        SameRanking.check(local, new SparkRanking(spark, 16).evaluate(evaluator, g.scores(), g.eval(), g.train()));
    }
}
