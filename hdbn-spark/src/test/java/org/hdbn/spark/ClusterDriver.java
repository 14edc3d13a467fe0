package org.hdbn.spark;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.testing.SameRanking;

/**
 * The driver of {@link StandaloneClusterTest}, in its own JVM (a JVM holds one Spark context, and the
 * test JVM's is the shared local one): ranks generated scores on the cluster given as the argument
 * and in process, prints the process ids of the executors that ran the tasks, and {@code SAME}
 * when the results agree; any difference throws, exiting non-zero.
 */
public final class ClusterDriver {

    private ClusterDriver() {
    }

    public static void main(String[] args) {
        SparkSession spark = SparkSessions.open(args[0], "hdbn-cluster-test", StandaloneCluster.applicationSettings());
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Set<Long> pids = new TreeSet<>(sc.parallelize(List.of(1, 2, 3, 4, 5, 6, 7, 8), 8)
                    .map(x -> ProcessHandle.current().pid()).collect());
            System.out.println("driver " + ProcessHandle.current().pid() + " executors " + pids);
            GeneratedScores g = GeneratedScores.of(3, 200, 400, 4, 1500, 8);
            RankingEvaluator evaluator = new RankingEvaluator(List.of(5, 10, 20), 20, 128);
            EvaluationResult local = evaluator.evaluate(g.scores().scorer(), g.eval(), g.train());
            EvaluationResult spread = new SparkRanking(spark, 2).evaluate(evaluator, g.scores(), g.eval(), g.train());
            SameRanking.check(local, spread);
            System.out.println("SAME " + spread.toMap());
        } finally {
            spark.stop();
        }
    }
}
