package org.hdbn.eval;

/**
 * Extra scores on a few (query, item) pairs per query, added to a base scorer's dense scores: the
 * values of score terms that are zero outside each query's pairs (such as an affinity read from
 * the user's own training items). Query {@code q}'s pairs are {@code items[start[q] .. start[q+1])}
 * with {@code values} at the same positions.
 *
 * @param start   {@code numQueries + 1} offsets into {@code items} and {@code values}
 * @param items   the pairs' items
 * @param values  the pairs' added scores
 */
public record SparseScoreTerms(int[] start, int[] items, double[] values) {

    public SparseScoreTerms {
        if (start.length == 0 || start[0] != 0 || start[start.length - 1] != items.length
                || items.length != values.length) {
            throw new IllegalArgumentException("sparse score terms need offsets from 0 to " + items.length
                    + " and one value per item, got " + start.length + " offsets and " + values.length + " values");
        }
    }

    /** The base scorer's scores plus these terms. */
    public BlockScorer addTo(BlockScorer base) {
        return new BlockScorer() {
            @Override
            public int numItems() {
                return base.numItems();
            }

            @Override
            public void score(int from, int to, double[] out) {
                base.score(from, to, out);
                int n = base.numItems();
                for (int q = from; q < to; q++) {
                    for (int k = start[q]; k < start[q + 1]; k++) {
                        out[(q - from) * n + items[k]] += values[k];
                    }
                }
            }
        };
    }
}
