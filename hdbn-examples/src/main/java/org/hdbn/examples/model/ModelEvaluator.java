package org.hdbn.examples.model;

import java.util.Map;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.DotProductScorer;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.graph.Batch;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.train.Towers;

/**
 * Full-ranking evaluation of a trained model: the query tower for every evaluation triple, the
 * candidate tower for every song, their dot products ranked under every protocol.
 */
public final class ModelEvaluator {

    static final int BLOCK = 2048;

    private final AutodiffEngine engine;
    private final int samples;
    private final long seed;
    private final int threads;

    /**
     * @param samples  0: stochastic blocks use their means; S > 0: the average of S sampled passes
     * @param threads  threads scoring and ranking (the result does not depend on it)
     */
    public ModelEvaluator(AutodiffEngine engine, int samples, long seed, int threads) {
        this.engine = engine;
        this.samples = samples;
        this.seed = seed;
        this.threads = threads;
    }

    /** An evaluator on one thread per available processor. */
    public ModelEvaluator(AutodiffEngine engine, int samples, long seed) {
        this(engine, samples, seed, Runtime.getRuntime().availableProcessors());
    }

    public EvaluationResult evaluate(TrainedModel model, EmoMusicDataset data, Interactions eval) {
        return RankingEvaluator.withDefaults().evaluate(scorer(model, data, eval), eval, SeenItems.of(data.train()),
                threads);
    }

    /** The scorer of the model for the given queries. */
    public DotProductScorer scorer(TrainedModel model, EmoMusicDataset data, Interactions queries) {
        return new DotProductScorer(queries(model, queries), candidates(model, data.numSongs()));
    }

    public Tensor queries(TrainedModel model, Interactions queries) {
        return Towers.compute(model.graph(), engine, ModelSpec.QUERY, queries.size(), BLOCK,
                from -> queryBatch(queries, from, Math.min(queries.size(), from + BLOCK)), samples,
                RandomStreams.create(seed, "evaluate:query"));
    }

    /** The query-side inputs (user, emotion) of rows {@code [from, to)}. */
    public static Batch queryBatch(Interactions queries, int from, int to) {
        var cols = DataBinding.COLUMNS;
        return Batch.ofIndices(Map.of(cols.user(), java.util.Arrays.copyOfRange(queries.users(), from, to),
                cols.context(), java.util.Arrays.copyOfRange(queries.contexts(), from, to)));
    }

    public Tensor candidates(TrainedModel model, int numItems) {
        return Towers.compute(model.graph(), engine, ModelSpec.CANDIDATE, numItems, BLOCK, from -> {
            int to = Math.min(numItems, from + BLOCK);
            int[] items = new int[to - from];
            java.util.Arrays.setAll(items, k -> from + k);
            return Batch.ofIndices(Map.of(DataBinding.COLUMNS.candidate(), items));
        }, samples, RandomStreams.create(seed, "evaluate:candidate"));
    }
}
