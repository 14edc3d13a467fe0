package org.hdbn.eval;

/**
 * {@link SparseScores} held in arrays: the values of score terms that are zero outside each
 * query's few (query, item) pairs (such as an affinity read from the user's own training items),
 * computed once for all queries. Query {@code q}'s pairs are {@code items[start[q] .. start[q+1])}
 * with {@code values} at the same positions.
 *
 * @param start   {@code numQueries + 1} offsets into {@code items} and {@code values}
 * @param items   the pairs' items
 * @param values  the pairs' added scores
 */
public record SparseScoreTerms(int[] start, int[] items, double[] values) implements SparseScores {

    public SparseScoreTerms {
        if (start.length == 0 || start[0] != 0 || start[start.length - 1] != items.length
                || items.length != values.length) {
            throw new IllegalArgumentException("sparse score terms need offsets from 0 to " + items.length
                    + " and one value per item, got " + start.length + " offsets and " + values.length + " values");
        }
    }

    @Override
    public void forEach(int query, ItemScore visit) {
        for (int k = start[query]; k < start[query + 1]; k++) {
            visit.accept(items[k], values[k]);
        }
    }
}
