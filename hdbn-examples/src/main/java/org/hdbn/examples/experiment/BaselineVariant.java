package org.hdbn.examples.experiment;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.hdbn.eval.Protocol;
import org.hdbn.examples.recommender.Ease;
import org.hdbn.examples.recommender.EaseCache;
import org.hdbn.examples.recommender.EmotionPopularity;
import org.hdbn.examples.recommender.GridPoint;
import org.hdbn.examples.recommender.MostPopular;
import org.hdbn.examples.recommender.PlayCountBoost;
import org.hdbn.examples.recommender.PlayCounts;
import org.hdbn.examples.recommender.ValidationGrid;
import org.hdbn.run.data.Dataset;

/**
 * The closed-form baselines as experiment rows: most-popular, emotion-conditioned popularity, EASE,
 * and EASE plus the user's play counts, emotion-blind ({@value #EASE_PLAYS}) or also under the
 * query's emotion ({@value #EASE_EMOTION_PLAYS}). All but most-popular choose their
 * hyperparameters on the validation split ({@link ValidationGrid}): the first three by strict
 * NDCG@10, the play-count rows by full NDCG@10, the protocol they are the bars for. None depends
 * on the seed.
 */
public final class BaselineVariant implements Variant {

    /** Smoothing strengths tried for emotion popularity, in pseudo-triples. */
    public static final double[] BETA_GRID = {0.1, 1, 10, 100, 1000};
    /** L2 strengths tried for EASE. */
    public static final double[] LAMBDA_GRID = {1, 10, 50, 200, 1000};
    /** Weights tried for the user's total play count c(u, i). */
    public static final double[] PLAYS_GRID = {0, 0.01, 0.03, 0.1, 0.3, 1};
    /** Weights tried for the user's play count under the query's emotion c(u, i, e). */
    public static final double[] EMOTION_PLAYS_GRID = {0, 0.01, 0.03, 0.1, 0.3, 1};

    public static final String EASE_PLAYS = "ease-plays";
    public static final String EASE_EMOTION_PLAYS = "ease-emotion-plays";
    /** Every baseline name. */
    public static final List<String> NAMES = List.of(Ease.NAME, EASE_PLAYS, EASE_EMOTION_PLAYS,
            EmotionPopularity.NAME, MostPopular.NAME);

    private final String name;
    private final String description;
    private final BiFunction<Dataset, PrintStream, Fit> fitter;

    private BaselineVariant(String name, String description, BiFunction<Dataset, PrintStream, Fit> fitter) {
        this.name = name;
        this.description = description;
        this.fitter = fitter;
    }

    /** The baseline of that name, if it is one, with its own EASE cache. */
    public static Optional<Variant> named(String name) {
        return named(name, new EaseCache());
    }

    /**
     * The baseline of that name, if it is one of {@link #NAMES}.
     *
     * @param ease EASE fits shared with the other rows of the same run
     */
    public static Optional<Variant> named(String name, EaseCache ease) {
        return Optional.ofNullable(switch (name) {
            case MostPopular.NAME -> new BaselineVariant(name,
                    "Songs ranked by their number of training triples, for every user and emotion.",
                    (data, progress) -> timed(() -> new Fit(MostPopular.fit(data), List.of(), 0, null)));
            case EmotionPopularity.NAME -> new BaselineVariant(name,
                    "Songs ranked by their training count under the query's emotion tag, smoothed with global "
                            + "popularity: c(e,i) + beta c(i)/N.",
                    (data, progress) -> timed(() -> {
                        var c = ValidationGrid.choose(data, BETA_GRID, b -> EmotionPopularity.fit(data, b), "beta", progress);
                        return new Fit(c.recommender(), List.of(), 0, c.describe());
                    }));
            case Ease.NAME -> new BaselineVariant(name,
                    "EASE (Steck 2019): closed-form item-item model B = I - P diag(1/diag P), P = (X^T X + lambda I)^-1.",
                    (data, progress) -> timed(() -> {
                        var c = ValidationGrid.choose(data, LAMBDA_GRID, l -> ease.get(data, l), "lambda", progress);
                        return new Fit(c.recommender(), List.of(), 0, c.describe());
                    }));
            case EASE_PLAYS -> new BaselineVariant(name,
                    "EASE plus the user's own play count, emotion-blind: EASE(u,i) + alpha c(u,i).",
                    (data, progress) -> timed(() -> playCounts(name, data, ease,
                            GridPoint.times(GridPoint.of("lambda", LAMBDA_GRID), "alpha", PLAYS_GRID), progress)));
            case EASE_EMOTION_PLAYS -> new BaselineVariant(name,
                    "EASE plus the user's own play count and their play count under the query's emotion: "
                            + "EASE(u,i) + alpha c(u,i) + beta c(u,i,e).",
                    (data, progress) -> timed(() -> playCounts(name, data, ease, GridPoint.times(GridPoint.times(
                            GridPoint.of("lambda", LAMBDA_GRID), "alpha", PLAYS_GRID), "beta", EMOTION_PLAYS_GRID),
                            progress)));
            default -> null;
        });
    }

    /** Searches lambda and the count weights by full NDCG@10; each lambda's EASE is inverted once. */
    private static Fit playCounts(String name, Dataset data, EaseCache ease, List<GridPoint> grid,
            PrintStream progress) {
        PlayCounts counts = PlayCounts.of(data.train());
        var c = ValidationGrid.choose(data, grid, p -> new PlayCountBoost(name, ease.get(data, p.get("lambda")), counts,
                p.get("alpha"), p.values().containsKey("beta") ? p.get("beta") : 0), Protocol.FULL, progress);
        return new Fit(c.recommender(), List.of(), 0, c.describe());
    }

    private static Fit timed(Supplier<Fit> fit) {
        long t0 = System.nanoTime();
        Fit f = fit.get();
        return new Fit(f.recommender(), f.epochLosses(), (System.nanoTime() - t0) / 1e9, f.note());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean seeded() {
        return false;
    }

    @Override
    public Fit fit(Dataset data, long seed, PrintStream progress) {
        return fitter.apply(data, progress);
    }
}
