package org.hdbn.examples.recommender;

import java.util.Objects;
import org.hdbn.eval.BlockScorer;

/**
 * Scores that depend only on a key of the query (e.g. its emotion tag): query {@code q} gets row
 * {@code keys[q]} of a {@code [numKeys, numItems]} table. A single-row table with all keys 0 gives
 * every query the same scores.
 */
public final class ContextTableScorer implements BlockScorer {

    private final double[] table;
    private final int numItems;
    private final int[] keys;

    /**
     * @param table    row-major {@code [numKeys, numItems]}; shared, not copied
     * @param numItems items per row, at least 1
     * @param keys     per query, its row of the table
     * @throws IllegalArgumentException if a key is outside the table, naming the query
     */
    public ContextTableScorer(double[] table, int numItems, int[] keys) {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(keys, "keys");
        if (numItems < 1 || table.length % numItems != 0) {
            throw new IllegalArgumentException("a table of " + table.length + " values has no rows of " + numItems + " items");
        }
        int rows = table.length / numItems;
        for (int q = 0; q < keys.length; q++) {
            if (keys[q] < 0 || keys[q] >= rows) {
                throw new IllegalArgumentException("query " + q + ": key " + keys[q] + " outside the table's rows 0.."
                        + (rows - 1));
            }
        }
        this.table = table;
        this.numItems = numItems;
        this.keys = keys;
    }

    @Override
    public int numItems() {
        return numItems;
    }

    @Override
    public void score(int from, int to, double[] out) {
        for (int q = from; q < to; q++) {
            System.arraycopy(table, keys[q] * numItems, out, (q - from) * numItems, numItems);
        }
    }
}
