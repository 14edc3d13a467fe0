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

    /**
     * Adds the term's values to the rows of queries {@code [from, to)}: query {@code q}, for
     * ({@code users[q]}, {@code contexts[q]}), at {@code out[(q - from) * numItems ..)}. The same as
     * {@link #add} per query, which this default calls; an implementation may override it to share
     * scratch space over the block. Called from several threads for disjoint blocks.
     */
    default void addRows(int[] users, int[] contexts, int from, int to, double[] out, int numItems) {
        for (int q = from; q < to; q++) {
            add(users[q], contexts[q], out, (q - from) * numItems);
        }
    }
}
