package org.hdbn.eval;

/**
 * A {@link BlockScorer} plus a term dense over all items ({@link ItemRowScores}, such as an
 * item-item model): for each block, after the base scorer filled the rows, the term adds its
 * values for every item, given each query's user and context.
 *
 * @param base      the scorer whose rows the term is added to
 * @param term      the term, called once per block
 * @param users     each query's user
 * @param contexts  each query's context
 */
public record AddedRowScores(BlockScorer base, ItemRowScores term, int[] users, int[] contexts)
        implements BlockScorer {

    @Override
    public int numItems() {
        return base.numItems();
    }

    @Override
    public void score(int from, int to, double[] out) {
        base.score(from, to, out);
        term.addRows(users, contexts, from, to, out, base.numItems());
    }
}
