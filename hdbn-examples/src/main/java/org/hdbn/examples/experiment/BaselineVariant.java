package org.hdbn.examples.experiment;

import java.io.PrintStream;
import java.util.List;
import java.util.function.BiFunction;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.recommender.Ease;
import org.hdbn.examples.recommender.EmotionPopularity;
import org.hdbn.examples.recommender.MostPopular;
import org.hdbn.examples.recommender.ValidationGrid;

/**
 * The closed-form baselines as experiment rows: most-popular, emotion-conditioned popularity and
 * EASE; the latter two choose their one hyperparameter on the validation split
 * ({@link ValidationGrid}). None depends on the seed.
 */
public final class BaselineVariant implements Variant {

    /** Smoothing strengths tried for emotion popularity, in pseudo-triples. */
    public static final double[] BETA_GRID = {0.1, 1, 10, 100, 1000};
    /** L2 strengths tried for EASE. */
    public static final double[] LAMBDA_GRID = {1, 10, 50, 200, 1000};

    private final String name;
    private final String description;
    private final BiFunction<EmoMusicDataset, PrintStream, Fit> fitter;

    private BaselineVariant(String name, String description, BiFunction<EmoMusicDataset, PrintStream, Fit> fitter) {
        this.name = name;
        this.description = description;
        this.fitter = fitter;
    }

    /** The baseline of that name, if it is one: {@code most-popular}, {@code emotion-popularity}, {@code ease}. */
    public static java.util.Optional<Variant> named(String name) {
        return switch (name) {
            case MostPopular.NAME -> java.util.Optional.of(new BaselineVariant(name,
                    "Songs ranked by their number of training triples, for every user and emotion.",
                    (data, progress) -> timed(() -> new Fit(MostPopular.fit(data), List.of(), 0, null))));
            case EmotionPopularity.NAME -> java.util.Optional.of(new BaselineVariant(name,
                    "Songs ranked by their training count under the query's emotion tag, smoothed with global "
                            + "popularity: c(e,i) + beta c(i)/N.",
                    (data, progress) -> timed(() -> {
                        var c = ValidationGrid.choose(data, BETA_GRID, b -> EmotionPopularity.fit(data, b), "beta", progress);
                        return new Fit(c.recommender(), List.of(), 0, c.describe("beta"));
                    })));
            case Ease.NAME -> java.util.Optional.of(new BaselineVariant(name,
                    "EASE (Steck 2019): closed-form item-item model B = I - P diag(1/diag P), P = (X^T X + lambda I)^-1.",
                    (data, progress) -> timed(() -> {
                        var c = ValidationGrid.choose(data, LAMBDA_GRID, l -> Ease.fit(data, l), "lambda", progress);
                        return new Fit(c.recommender(), List.of(), 0, c.describe("lambda"));
                    })));
            default -> java.util.Optional.empty();
        };
    }

    private static Fit timed(java.util.function.Supplier<Fit> fit) {
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
    public Fit fit(EmoMusicDataset data, long seed, PrintStream progress) {
        return fitter.apply(data, progress);
    }
}
