package org.hdbn.testing;

import org.hdbn.eval.BlockScorer;

/** A scorer for ranking tests: the score of item j for query row q is a function of (q, j). */
public final class FunctionScorer implements BlockScorer {

    /** A score by query row and item. */
    @FunctionalInterface
    public interface Score {
        double of(int query, int item);
    }

    private final int numItems;
    private final Score score;

    public FunctionScorer(int numItems, Score score) {
        this.numItems = numItems;
        this.score = score;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    @Override
    public void score(int from, int to, double[] out) {
        for (int q = from; q < to; q++) {
            for (int j = 0; j < numItems; j++) {
                out[(q - from) * numItems + j] = score.of(q, j);
            }
        }
    }
}
