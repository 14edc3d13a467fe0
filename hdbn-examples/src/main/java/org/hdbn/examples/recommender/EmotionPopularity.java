package org.hdbn.examples.recommender;

import java.util.Locale;
import org.hdbn.data.Interactions;
import org.hdbn.eval.BlockScorer;
import org.hdbn.run.data.Dataset;

/**
 * Emotion-conditioned popularity: a query with emotion tag {@code e} ranks songs by
 * <pre>  score(e, i) = c(e, i) + beta * c(i) / N</pre>
 * where {@code c(e, i)} counts training triples with tag {@code e} and song {@code i}, {@code c(i)}
 * those with song {@code i}, and {@code N} all training triples. This orders songs as the
 * Dirichlet-smoothed estimate {@code P(i | e) = (c(e, i) + beta P(i)) / (c(e) + beta)} with
 * {@code P(i) = c(i) / N}: the tag's own counts, shrunk towards global popularity with the weight
 * of {@code beta} pseudo-triples. {@code beta -> 0} ranks by the tag's counts (global popularity
 * breaking ties); {@code beta -> infinity} is {@link MostPopular}.
 */
public final class EmotionPopularity implements Recommender {

    public static final String NAME = "emotion-popularity";

    private final double beta;
    private final int numItems;
    private final double[] table;

    private EmotionPopularity(double beta, int numItems, double[] table) {
        this.beta = beta;
        this.numItems = numItems;
        this.table = table;
    }

    /**
     * Counts the training triples per (tag, song).
     *
     * @param beta the smoothing strength in pseudo-triples, finite and non-negative
     */
    public static EmotionPopularity fit(Dataset data, double beta) {
        return fit(data.train(), data.contexts().size(), data.items().size(), beta);
    }

    static EmotionPopularity fit(Interactions train, int numTags, int numItems, double beta) {
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("emotion popularity: beta must be finite and non-negative, got " + beta);
        }
        double[] global = MostPopular.counts(train, numItems);
        double n = Math.max(1, train.size());
        double[] table = new double[Math.multiplyExact(numTags, numItems)];
        for (int e = 0; e < numTags; e++) {
            for (int i = 0; i < numItems; i++) {
                table[e * numItems + i] = beta * global[i] / n;
            }
        }
        for (int r = 0; r < train.size(); r++) {
            table[train.contexts()[r] * numItems + train.items()[r]] += 1;
        }
        return new EmotionPopularity(beta, numItems, table);
    }

    public double beta() {
        return beta;
    }

    /** The score of song {@code item} under tag {@code tag}. */
    public double score(int tag, int item) {
        return table[tag * numItems + item];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BlockScorer scorer(Dataset data, Interactions queries) {
        return new ContextTableScorer(table, numItems, queries.contexts());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[beta=%g]", NAME, beta);
    }
}
