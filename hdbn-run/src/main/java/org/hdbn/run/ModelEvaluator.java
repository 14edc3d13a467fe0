package org.hdbn.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.BlockScorer;
import org.hdbn.eval.ItemRowScores;
import org.hdbn.eval.TowerScores;
import org.hdbn.eval.SparseScoreTerms;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ItemScoresNode;
import org.hdbn.random.RandomStreams;
import org.hdbn.run.data.Dataset;
import org.hdbn.tensor.Tensor;

/**
 * Full-ranking evaluation of a trained model: the query tower for every evaluation triple, the
 * candidate tower for every item, their dot products plus the spec's sparse score terms, ranked
 * under every protocol.
 */
public final class ModelEvaluator {

    static final int BLOCK = 2048;

    private final AutodiffEngine engine;
    private final int samples;
    private final long seed;
    private final int threads;

    /**
     * @param samples  0: stochastic blocks use their means; S > 0: the average of S sampled passes
     * @param threads  threads computing the towers and terms (with the means) and scoring and ranking (the
     *                 result does not depend on it)
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

    public EvaluationResult evaluate(TrainedModel model, Dataset data, Interactions eval) {
        return RankingEvaluator.withDefaults().evaluateByUser(q -> scorer(model, data, q), eval,
                SeenItems.of(data.train()), threads);
    }

    /**
     * The scorer of the model for the given queries: the towers' dot product plus the spec's score
     * terms: a term whose node scores whole rows ({@link ItemScoresNode}) over every song, any other
     * for the songs the query's user played in training (elsewhere it is zero).
     */
    public BlockScorer scorer(TrainedModel model, Dataset data, Interactions queries) {
        return towerScores(model, data, queries).scorer();
    }

    /**
     * The same scores as plain data (the two towers and the spec's score terms), for ranking where
     * the model is not, such as on a cluster ({@link org.hdbn.eval.DistributedRanking}).
     */
    public TowerScores towerScores(TrainedModel model, Dataset data, Interactions queries) {
        SeenItems seen = SeenItems.of(data.train());
        List<SparseScoreTerms> terms = new ArrayList<>();
        List<ItemRowScores> rowTerms = new ArrayList<>();
        for (String term : model.spec().terms()) {
            // a term that scores whole rows (an item-item model) is added over every item; others only on the user's items
            if (model.graph().node(term) instanceof ItemScoresNode whole) {
                rowTerms.add(whole.rowScores());
            } else {
                terms.add(sparseTerm(model, seen, queries, term));
            }
        }
        return new TowerScores(queries(model, queries), candidates(model, data.items().size()), terms, rowTerms,
                queries.users(), queries.contexts());
    }

    /** A score term's values on every (query, song the query's user played in training) pair. */
    public SparseScoreTerms sparseTerm(TrainedModel model, SeenItems seen, Interactions queries, String term) {
        int n = queries.size();
        int[] start = new int[n + 1];
        for (int q = 0; q < n; q++) {
            start[q + 1] = Math.addExact(start[q], seen.itemsOf(queries.users()[q]).length);
        }
        int pairs = start[n];
        int[] users = new int[pairs];
        int[] contexts = new int[pairs];
        int[] items = new int[pairs];
        for (int q = 0; q < n; q++) {
            int[] own = seen.itemsOf(queries.users()[q]);
            Arrays.fill(users, start[q], start[q + 1], queries.users()[q]);
            Arrays.fill(contexts, start[q], start[q + 1], queries.contexts()[q]);
            System.arraycopy(own, 0, items, start[q], own.length);
        }
        if (pairs == 0) {
            return new SparseScoreTerms(start, items, new double[0]);
        }
        var cols = DataBinding.COLUMNS;
        Tensor values = Towers.compute(model.graph(), engine, term, pairs, BLOCK, from -> {
            int to = Math.min(pairs, from + BLOCK);
            return Batch.ofIndices(Map.of(cols.user(), Arrays.copyOfRange(users, from, to),
                    cols.context(), Arrays.copyOfRange(contexts, from, to),
                    cols.candidate(), Arrays.copyOfRange(items, from, to)));
        }, samples, RandomStreams.create(seed, "evaluate:" + term), threads);
        return new SparseScoreTerms(start, items, values.data());
    }

    public Tensor queries(TrainedModel model, Interactions queries) {
        return Towers.compute(model.graph(), engine, ModelSpec.QUERY, queries.size(), BLOCK,
                from -> queryBatch(queries, from, Math.min(queries.size(), from + BLOCK)), samples,
                RandomStreams.create(seed, "evaluate:query"), threads);
    }

    /** The query-side inputs (user, emotion) of rows {@code [from, to)}. */
    public static Batch queryBatch(Interactions queries, int from, int to) {
        var cols = DataBinding.COLUMNS;
        return Batch.ofIndices(Map.of(cols.user(), Arrays.copyOfRange(queries.users(), from, to),
                cols.context(), Arrays.copyOfRange(queries.contexts(), from, to)));
    }

    public Tensor candidates(TrainedModel model, int numItems) {
        return Towers.compute(model.graph(), engine, ModelSpec.CANDIDATE, numItems, BLOCK, from -> {
            int to = Math.min(numItems, from + BLOCK);
            int[] items = new int[to - from];
            Arrays.setAll(items, k -> from + k);
            return Batch.ofIndices(Map.of(DataBinding.COLUMNS.candidate(), items));
        }, samples, RandomStreams.create(seed, "evaluate:candidate"), threads);
    }
}
