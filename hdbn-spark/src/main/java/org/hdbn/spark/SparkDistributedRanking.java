package org.hdbn.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.DistributedRanking;
import org.hdbn.eval.EntityIdTables;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.eval.TowerScores;

/**
 * The {@code spark} {@link DistributedRanking}: each call opens a session on the master given as the
 * address ({@link SparkSessions}), runs {@link SparkRanking} or {@link SparkRecommender}, and stops it.
 */
public final class SparkDistributedRanking implements DistributedRanking {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public EvaluationResult evaluate(String address, RankingEvaluator evaluator, TowerScores scores,
            Interactions eval, SeenItems train) {
        SparkSession spark = SparkSessions.open(address, "hdbn evaluate");
        try {
            return new SparkRanking(spark).evaluate(evaluator, scores, eval, train);
        } finally {
            spark.stop();
        }
    }

    @Override
    public void recommendAll(String address, TowerScores scores, Interactions queries, EntityIdTables ids,
            SeenItems train, boolean excludeSeen, int k, Path out) {
        SparkSession spark = SparkSessions.open(address, "hdbn recommend-all");
        try {
            new SparkRecommender(spark).recommendAll(scores, queries, ids, train, excludeSeen, k, out);
        } finally {
            spark.stop();
        }
    }
}
