package org.hdbn.spark;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.eval.SparseScoreTerms;
import org.hdbn.eval.TowerScores;
import org.hdbn.tensor.Tensor;

/**
 * What Spark costs and gives for evaluation, on seeded scores of a chosen size: the single-process
 * evaluator's queries per second on 1 and 2 threads, and for each master the session start, the
 * overhead of one trivial job, and the queries per second of {@link SparkRanking}; the driver's peak
 * heap. Each figure is the best of {@code repeats} runs after one warm-up; every Spark result is
 * checked equal to the single-process one.
 */
public final class SparkBench {

    /**
     * The data measured on.
     *
     * @param queries evaluation rows
     * @param items items each row ranks
     * @param dim tower width
     * @param users users (each with {@code seenPerUser} training items and one score term on them)
     * @param seenPerUser training items per user
     * @param seed seed of every value
     */
    public record Size(int queries, int items, int dim, int users, int seenPerUser, long seed) {
    }

    private SparkBench() {
    }

    /** Runs the measurements and returns them as (figure, value) in order. */
    public static Map<String, Double> run(Size size, List<String> masters, int repeats) {
        SplittableRandom random = new SplittableRandom(size.seed());
        int[] tu = new int[size.users() * size.seenPerUser()];
        int[] ti = new int[tu.length];
        for (int r = 0; r < tu.length; r++) {
            tu[r] = r / size.seenPerUser();
            ti[r] = random.nextInt(size.items());
        }
        SeenItems train = SeenItems.of(new Interactions(tu, ti, new int[tu.length]));
        int[] eu = new int[size.queries()];
        int[] ei = new int[size.queries()];
        for (int q = 0; q < eu.length; q++) {
            eu[q] = random.nextInt(size.users());
            ei[q] = random.nextInt(size.items());
        }
        Interactions eval = new Interactions(eu, ei, new int[eu.length]);
        int[] start = new int[eu.length + 1];
        for (int q = 0; q < eu.length; q++) {
            start[q + 1] = start[q] + train.itemsOf(eu[q]).length;
        }
        int[] termItems = new int[start[eu.length]];
        double[] values = new double[termItems.length];
        for (int q = 0; q < eu.length; q++) {
            int[] own = train.itemsOf(eu[q]);
            System.arraycopy(own, 0, termItems, start[q], own.length);
        }
        for (int k = 0; k < values.length; k++) {
            values[k] = random.nextDouble();
        }
        TowerScores scores = new TowerScores(gaussian(random, size.queries(), size.dim()),
                gaussian(random, size.items(), size.dim()), List.of(new SparseScoreTerms(start, termItems, values)));
        RankingEvaluator evaluator = RankingEvaluator.withDefaults();
        Map<String, Double> out = new LinkedHashMap<>();
        EvaluationResult reference = null;
        for (int threads : new int[] {1, 2}) {
            double best = Double.MAX_VALUE;
            for (int r = 0; r <= repeats; r++) {
                long t0 = System.nanoTime();
                reference = evaluator.evaluate(scores.scorer(), eval, train, threads);
                double s = (System.nanoTime() - t0) / 1e9;
                best = r == 0 ? best : Math.min(best, s);
            }
            out.put("single process, " + threads + " thread(s): queries/s", size.queries() / best);
        }
        for (String master : masters) {
            long t0 = System.nanoTime();
            SparkSession spark = SparkSessions.open(master, "hdbn bench-spark");
            out.put(master + ": session start s", (System.nanoTime() - t0) / 1e9);
            try {
                JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
                List<Integer> one = new ArrayList<>(List.of(1, 2, 3, 4));
                double job = Double.MAX_VALUE;
                for (int r = 0; r <= repeats * 3; r++) {
                    long j0 = System.nanoTime();
                    sc.parallelize(one, sc.defaultParallelism()).map(x -> x + 1).count();
                    double s = (System.nanoTime() - j0) / 1e9;
                    job = r == 0 ? job : Math.min(job, s);
                }
                out.put(master + ": trivial job ms", job * 1e3);
                double best = Double.MAX_VALUE;
                for (int r = 0; r <= repeats; r++) {
                    long e0 = System.nanoTime();
                    EvaluationResult result = new SparkRanking(spark).evaluate(evaluator, scores, eval, train);
                    double s = (System.nanoTime() - e0) / 1e9;
                    best = r == 0 ? best : Math.min(best, s);
                    if (!java.util.Arrays.equals(result.targetRanks(), reference.targetRanks())
                            || !result.metrics(org.hdbn.eval.Protocol.FULL).means()
                                    .equals(reference.metrics(org.hdbn.eval.Protocol.FULL).means())) {
                        throw new IllegalStateException(master + ": the Spark ranking differs from the single process");
                    }
                }
                out.put(master + ": evaluation queries/s", size.queries() / best);
            } finally {
                spark.stop();
            }
        }
        out.put("driver peak heap MB", peakHeapBytes() / 1e6);
        return out;
    }

    private static Tensor gaussian(SplittableRandom random, int rows, int cols) {
        double[] data = new double[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        return Tensor.of(data, rows, cols);
    }

    /** The sum of the heap pools' peak usage since the JVM started. */
    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
