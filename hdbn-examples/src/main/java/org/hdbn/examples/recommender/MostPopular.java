package org.hdbn.examples.recommender;

import org.hdbn.data.Interactions;
import org.hdbn.eval.BlockScorer;
import org.hdbn.run.data.Dataset;

/**
 * The most-popular baseline: every query ranks songs by their number of training triples (play
 * count), whatever the user or emotion. The evaluator removes the user's own training songs.
 */
public final class MostPopular implements Recommender {

    public static final String NAME = "most-popular";

    private final double[] counts;

    private MostPopular(double[] counts) {
        this.counts = counts;
    }

    /** Counts each song's training triples. */
    public static MostPopular fit(Dataset data) {
        return fit(data.train(), data.items().size());
    }

    static MostPopular fit(Interactions train, int numItems) {
        return new MostPopular(counts(train, numItems));
    }

    /** Training triples per item, {@code c(i)}. */
    static double[] counts(Interactions train, int numItems) {
        double[] c = new double[numItems];
        for (int item : train.items()) {
            c[item]++;
        }
        return c;
    }

    /** Each song's score, its training count. */
    public double[] scores() {
        return counts.clone();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BlockScorer scorer(Dataset data, Interactions queries) {
        return new ContextTableScorer(counts, counts.length, new int[queries.size()]);
    }
}
