package org.hdbn.eval;

/**
 * A {@link BlockScorer} plus a term that fills whole rows: for each block, after the base scorer
 * filled the rows, the term adds its values for every item.
 *
 * @param base  the scorer whose rows the term is added to
 * @param term  adds the term's values to a block's rows
 */
public record AddedItemScores(BlockScorer base, BlockRows term) implements BlockScorer {

    /**
     * Adds a term's values for every item to the rows of queries {@code [from, to)}: query {@code q}'s
     * row at {@code out[(q - from) * numItems ..)}. Called from several threads for disjoint blocks.
     */
    @FunctionalInterface
    public interface BlockRows {
        void add(int from, int to, double[] out, int numItems);
    }

    /** Adds one query's term values over all items. Called from several threads for disjoint rows. */
    @FunctionalInterface
    public interface QueryRows {
        void add(int query, double[] out, int offset);
    }

    /** The base scorer plus a term given one query at a time. */
    public static AddedItemScores perQuery(BlockScorer base, QueryRows term) {
        return new AddedItemScores(base, (from, to, out, numItems) -> {
            for (int q = from; q < to; q++) {
                term.add(q, out, (q - from) * numItems);
            }
        });
    }

    @Override
    public int numItems() {
        return base.numItems();
    }

    @Override
    public void score(int from, int to, double[] out) {
        base.score(from, to, out);
        term.add(from, to, out, base.numItems());
    }
}
