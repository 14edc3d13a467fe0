package org.hdbn.eval;

/**
 * Scores every item for a block of evaluation queries. Query {@code q} is row {@code q} of the
 * evaluation {@link org.hdbn.data.Interactions} the scorer was built for; a higher score means a
 * better recommendation. Models implement this with one blocked matrix product per call, safe to
 * call from several threads at once for disjoint blocks with separate output arrays.
 */
public interface BlockScorer {

    /** Number of items scored per query; items are {@code 0 .. numItems()-1}. */
    int numItems();

    /**
     * Writes the scores of all items for queries {@code [from, to)} into {@code out}, row-major:
     * the score of item {@code j} for query {@code q} goes to {@code out[(q - from) * numItems() + j]}.
     * Only that prefix of {@code out} is written; it may be longer.
     */
    void score(int from, int to, double[] out);
}
