package org.hdbn.eval;

import java.io.Serializable;

/**
 * A score term dense over all items, as data that can travel: given a query's (user, context), it adds
 * the term's value for every item to a row of scores. An item-item model is one (the user's training
 * items decide the row). Serializable so a ranking that runs where the model is not (see
 * {@link DistributedRanking}) gets the term with the towers; implementations hold what they need,
 * with no reference to a graph or parameter store.
 */
@FunctionalInterface
public interface ItemRowScores extends Serializable {

    /**
     * Adds the term's value for query (user, context) and every item to {@code out[offset .. offset +
     * numItems)}. Called from several threads for disjoint rows.
     */
    void add(int user, int context, double[] out, int offset);
}
