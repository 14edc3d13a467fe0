package org.hdbn.examples.recommender;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.examples.data.EmoMusicDataset;

/**
 * Chooses a baseline's hyperparameter from a small grid by {@value #METRIC} under the strict
 * protocol on the data set's own validation split (never on a held-back test split); the first of
 * equally good values wins.
 */
public final class ValidationGrid {

    public static final String METRIC = "NDCG@10";

    /**
     * The outcome of a search.
     *
     * @param value       the value chosen
     * @param recommender the recommender fitted with it
     * @param scores      each value tried and its validation metric, in grid order
     */
    public record Choice<R extends Recommender>(double value, R recommender, Map<Double, Double> scores) {

        /** e.g. {@code lambda=100 (NDCG@10 on validation: 1=0.0512, 100=0.0610)}. */
        public String describe(String parameter) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s=%s chosen by strict %s on the "
                    + "validation split from", parameter, format(value), METRIC));
            scores.forEach((v, s) -> sb.append(String.format(Locale.ROOT, " %s:%.4f", format(v), s)));
            return sb.toString();
        }

        private static String format(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private ValidationGrid() {
    }

    /**
     * Fits a recommender for each value and keeps the best on the validation split.
     *
     * @param progress where one line per value goes (null: silent)
     * @throws IllegalArgumentException if the grid is empty or the data set has no validation triples
     */
    public static <R extends Recommender> Choice<R> choose(EmoMusicDataset data, double[] grid, DoubleFunction<R> fit,
            String parameter, PrintStream progress) {
        if (grid.length == 0) {
            throw new IllegalArgumentException("the grid for " + parameter + " is empty");
        }
        if (data.validation().size() == 0) {
            throw new IllegalArgumentException(data.directory() + ": no validation triples to choose " + parameter + " on");
        }
        SeenItems seen = SeenItems.of(data.train());
        Map<Double, Double> scores = new LinkedHashMap<>();
        R best = null;
        double bestValue = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double value : grid) {
            long t0 = System.nanoTime();
            R r = fit.apply(value);
            EvaluationResult e = RankingEvaluator.withDefaults().evaluate(r.scorer(data, data.validation()),
                    data.validation(), seen);
            double score = e.metrics(Protocol.STRICT).mean(METRIC);
            scores.put(value, score);
            if (progress != null) {
                progress.printf(Locale.ROOT, "  %s %s=%g: validation strict %s %.4f (%.1f s)%n", r.name(), parameter, value,
                        METRIC, score, (System.nanoTime() - t0) / 1e9);
            }
            if (score > bestScore) {
                best = r;
                bestValue = value;
                bestScore = score;
            }
        }
        return new Choice<>(bestValue, best, scores);
    }
}
