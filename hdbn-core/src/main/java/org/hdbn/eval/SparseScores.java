package org.hdbn.eval;

/**
 * Scores added to a few items of each query on top of a base scorer's dense scores: score terms
 * that are zero outside a handful of (query, item) pairs, such as an affinity or a play count on
 * the user's own items. Implementations say which pairs a query has; {@link #addTo} is the one
 * place that adds them to a scorer's block.
 */
@FunctionalInterface
public interface SparseScores {

    /**
     * Calls {@code visit} with each of the query's items and the score added to it. An item may
     * come more than once; its scores are then added in the order given.
     */
    void forEach(int query, ItemScore visit);

    /** An item and a score added to it. */
    @FunctionalInterface
    interface ItemScore {
        void accept(int item, double score);
    }

    /** The base scorer's scores plus these. */
    default BlockScorer addTo(BlockScorer base) {
        return AddedItemScores.perQuery(base, (q, out, row) -> forEach(q, (item, score) -> out[row + item] += score));
    }
}
