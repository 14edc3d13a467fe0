package org.hdbn.eval;

/**
 * A {@link BlockScorer} plus a term that fills whole rows: for each query of a block, after the
 * base scorer filled the row, the term adds its value for every item.
 *
 * @param base  the scorer whose rows the term is added to
 * @param term  adds query {@code q}'s values for every item to {@code out[offset .. offset + numItems)}
 */
public record AddedItemScores(BlockScorer base, QueryRows term) implements BlockScorer {

    /** Adds one query's term values over all items. Called from several threads for disjoint rows. */
    @FunctionalInterface
    public interface QueryRows {
        void add(int query, double[] out, int offset);
    }

    @Override
    public int numItems() {
        return base.numItems();
    }

    @Override
    public void score(int from, int to, double[] out) {
        base.score(from, to, out);
        int n = base.numItems();
        for (int q = from; q < to; q++) {
            term.add(q, out, (q - from) * n);
        }
    }
}
