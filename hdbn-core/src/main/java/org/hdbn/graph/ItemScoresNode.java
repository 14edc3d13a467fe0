package org.hdbn.graph;

/**
 * A score-term node that can also score every item for a query at once, without a graph pass per
 * (query, item) pair: a fixed term such as an item-item model, dense over all items, which a
 * full-ranking evaluation adds to each query's row of scores directly.
 */
public interface ItemScoresNode extends Node {

    /**
     * Adds the term's value for query (user, context) and every item {@code 0 .. numItems} to
     * {@code out[offset .. offset + numItems)}. Must equal what a forward pass gives each pair.
     */
    void addItemScores(int user, int context, double[] out, int offset);
}
