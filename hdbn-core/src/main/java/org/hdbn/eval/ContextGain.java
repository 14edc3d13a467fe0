package org.hdbn.eval;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.random.RandomStreams;

/**
 * How much a recommender gains from the triples' contexts (for EmoMusicLJ: the emotion): the same
 * recommender evaluated a second time with every triple's context replaced by a seeded permutation
 * of the evaluation split's contexts (so the contexts keep their frequencies but no longer belong
 * to their triples), and per protocol the paired difference of the per-triple metric, actual minus
 * shuffled, with its paired tests ({@link PairedSignificance}). A recommender that ignores the
 * context scores the shuffled triples exactly as the actual ones: its gain is 0 with p = 1.
 *
 * <p>It works for any recommender through the function from query rows to a {@link BlockScorer}.
 */
public final class ContextGain {

    /** The metric compared. */
    public static final String METRIC = "NDCG@10";

    /**
     * @param shuffled   the evaluation with shuffled contexts
     * @param byProtocol per protocol, actual against shuffled (mean difference = the gain)
     */
    public record Result(EvaluationResult shuffled, Map<Protocol, PairedComparison> byProtocol) {

        /** The gain under a protocol: mean actual minus mean shuffled metric (0 when it was not tested). */
        public double gain(Protocol p) {
            PairedComparison c = byProtocol.get(p);
            return c == null ? 0 : c.meanDifference();
        }
    }

    private ContextGain() {
    }

    /**
     * The triples with their context column permuted (Fisher-Yates, seeded); users and items stay.
     */
    public static Interactions shuffleContexts(Interactions eval, long seed) {
        int[] contexts = eval.contexts().clone();
        UniformRandomProvider rng = RandomStreams.create(seed, "context-shuffle");
        for (int i = contexts.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = contexts[i];
            contexts[i] = contexts[j];
            contexts[j] = t;
        }
        return new Interactions(eval.users(), eval.items(), contexts);
    }

    /**
     * Evaluates the shuffled triples and compares them with the actual evaluation.
     *
     * @param actual    the evaluation of {@code eval} by the same recommender and evaluator
     * @param scorers   the recommender: a scorer for given query rows
     * @param threads   threads ranking the shuffled triples
     */
    public static Result measure(EvaluationResult actual, Function<Interactions, BlockScorer> scorers,
            Interactions eval, SeenItems train, RankingEvaluator evaluator, long seed, int threads) {
        if (actual.size() != eval.size()) {
            throw new IllegalArgumentException("the actual evaluation has " + actual.size() + " rows, the triples "
                    + eval.size());
        }
        Interactions shuffled = shuffleContexts(eval, seed);
        EvaluationResult s = evaluator.evaluateByUser(scorers, shuffled, train, threads);
        Map<Protocol, PairedComparison> out = new EnumMap<>(Protocol.class);
        for (Protocol p : Protocol.values()) {
            // the permutation leaves users and items alone, so both count the same triples
            if (actual.metrics(p).triples() >= 2) {
                out.put(p, PairedSignificance.compare(actual, s, p, METRIC));
            }
        }
        return new Result(s, out);
    }
}
