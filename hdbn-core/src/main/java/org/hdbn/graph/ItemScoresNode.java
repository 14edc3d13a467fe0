package org.hdbn.graph;

import org.hdbn.eval.ItemRowScores;

/**
 * A score-term node that can also score every item for a query at once, without a graph pass per
 * (query, item) pair: a fixed term such as an item-item model, dense over all items, which a
 * full-ranking evaluation adds to each query's row of scores directly.
 */
public interface ItemScoresNode extends Node {

    /**
     * The term over every item, detached from the graph (its current parameter values taken now).
     * Each row must equal what a forward pass gives the (query, item) pairs.
     */
    ItemRowScores rowScores();
}
