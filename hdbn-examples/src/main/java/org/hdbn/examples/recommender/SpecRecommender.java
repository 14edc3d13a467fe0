package org.hdbn.examples.recommender;

import java.util.Objects;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.data.Interactions;
import org.hdbn.eval.BlockScorer;
import org.hdbn.eval.TowerScores;
import org.hdbn.run.ModelEvaluator;
import org.hdbn.run.TrainedModel;
import org.hdbn.run.data.Dataset;

/**
 * A trained model spec (HDBN, its ablations, BPR-MF, the two-tower network) as a recommender: its
 * {@code query . candidate} scores through {@link ModelEvaluator}, with the stochastic parts at
 * their means or averaged over Monte Carlo samples.
 */
public final class SpecRecommender implements Recommender {

    private final TrainedModel model;
    private final AutodiffEngine engine;
    private final int samples;
    private final long seed;

    /**
     * @param samples 0: stochastic blocks use their means; S > 0: towers averaged over S sampled passes
     * @param seed    seeds the Monte Carlo passes
     */
    public SpecRecommender(TrainedModel model, AutodiffEngine engine, int samples, long seed) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be 0 or positive, got " + samples);
        }
        this.model = Objects.requireNonNull(model, "model");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.samples = samples;
        this.seed = seed;
    }

    /** The same model evaluated with another number of Monte Carlo samples. */
    public SpecRecommender withSamples(int s) {
        return new SpecRecommender(model, engine, s, seed);
    }

    public TrainedModel model() {
        return model;
    }

    public AutodiffEngine engine() {
        return engine;
    }

    public int samples() {
        return samples;
    }

    @Override
    public String name() {
        return model.spec().name();
    }

    @Override
    public BlockScorer scorer(Dataset data, Interactions queries) {
        return new ModelEvaluator(engine, samples, seed).scorer(model, data, queries);
    }

    /** The scores of {@link #scorer} as plain data, for ranking on a cluster. */
    public TowerScores towerScores(Dataset data, Interactions queries) {
        return new ModelEvaluator(engine, samples, seed).towerScores(model, data, queries);
    }
}
