package org.hdbn.examples.recommender;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.run.data.Dataset;

/**
 * Chooses a baseline's hyperparameters from a small grid by {@value #METRIC} under one protocol on
 * the data set's own validation split (never on a held-back test split); the first of equally good
 * points wins.
 */
public final class ValidationGrid {

    public static final String METRIC = "NDCG@10";
    /** Above this many points a description names only the best few. */
    private static final int LISTED = 12;

    /**
     * The outcome of a search.
     *
     * @param point       the point chosen
     * @param recommender the recommender fitted with it
     * @param scores      each point tried and its validation metric, in grid order
     * @param protocol    the protocol the metric was taken under
     */
    public record Choice<R extends Recommender>(GridPoint point, R recommender, Map<GridPoint, Double> scores,
            Protocol protocol) {

        /** The chosen value of a one-parameter grid. */
        public double value() {
            return point.values().values().iterator().next();
        }

        /**
         * e.g. {@code lambda=100 chosen by strict NDCG@10 on the validation split from 1:0.0512 100:0.0610};
         * a large grid lists its best points only.
         */
        public String describe() {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s chosen by %s %s on the validation split",
                    point, protocol.label(), METRIC));
            var entries = scores.entrySet().stream().toList();
            if (entries.size() > LISTED) {
                sb.append(String.format(Locale.ROOT, "; best %d of %d points:", LISTED / 2, entries.size()));
                entries = entries.stream().sorted(Map.Entry.<GridPoint, Double>comparingByValue(Comparator.reverseOrder()))
                        .limit(LISTED / 2).toList();
            } else {
                sb.append(" from");
            }
            for (var e : entries) {
                String key = e.getKey().values().size() == 1 ? GridPoint.format(e.getKey().values().values().iterator()
                        .next()) : "(" + e.getKey() + ")";
                sb.append(String.format(Locale.ROOT, " %s:%.4f", key, e.getValue()));
            }
            return sb.toString();
        }
    }

    private ValidationGrid() {
    }

    /** {@link #choose(Dataset, List, Function, Protocol, PrintStream)} over one parameter, by strict NDCG@10. */
    public static <R extends Recommender> Choice<R> choose(Dataset data, double[] grid, DoubleFunction<R> fit,
            String parameter, PrintStream progress) {
        return choose(data, GridPoint.of(parameter, grid), p -> fit.apply(p.get(parameter)), Protocol.STRICT, progress);
    }

    /**
     * Fits a recommender for each point and keeps the best on the validation split.
     *
     * @param fit      fits one point; called once per point, in grid order (so it may reuse work between points)
     * @param protocol the protocol whose {@value #METRIC} decides
     * @param progress where one line per point goes (null: silent)
     * @throws IllegalArgumentException if the grid is empty or the data set has no validation triples
     */
    public static <R extends Recommender> Choice<R> choose(Dataset data, List<GridPoint> grid,
            Function<GridPoint, R> fit, Protocol protocol, PrintStream progress) {
        if (grid.isEmpty()) {
            throw new IllegalArgumentException("the hyperparameter grid is empty");
        }
        if (data.validation().size() == 0) {
            throw new IllegalArgumentException(data.name() + ": no validation triples to choose "
                    + grid.get(0).values().keySet() + " on");
        }
        SeenItems seen = SeenItems.of(data.train());
        int threads = Runtime.getRuntime().availableProcessors();
        Map<GridPoint, Double> scores = new LinkedHashMap<>();
        R best = null;
        GridPoint bestPoint = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (GridPoint point : grid) {
            long t0 = System.nanoTime();
            R r = fit.apply(point);
            EvaluationResult e = RankingEvaluator.withDefaults().evaluateByUser(q -> r.scorer(data, q),
                    data.validation(), seen, threads);
            double score = e.metrics(protocol).mean(METRIC);
            scores.put(point, score);
            if (progress != null) {
                progress.printf(Locale.ROOT, "  %s %s: validation %s %s %.4f (%.1f s)%n", r.name(), point,
                        protocol.label(), METRIC, score, (System.nanoTime() - t0) / 1e9);
            }
            if (score > bestScore) {
                best = r;
                bestPoint = point;
                bestScore = score;
            }
        }
        return new Choice<>(bestPoint, best, scores, protocol);
    }
}
