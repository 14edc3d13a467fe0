package org.hdbn.eval;

import java.util.List;
import org.hdbn.tensor.Tensor;

/**
 * A model's scores for a set of queries, as plain data: {@code score(q, i) = queries[q] . items[i]}
 * plus the sparse terms' values on query q's few pairs, plus the dense row terms' values for query q's
 * (user, context). Everything a process needs to rank the queries without the model, so ranking can
 * run where the model is not (see {@link DistributedRanking}).
 *
 * @param queries {@code [numQueries, d]}, one row per query
 * @param items {@code [numItems, d]}, one row per item
 * @param terms sparse score terms over the same queries, added in this order
 * @param rowTerms terms dense over all items (such as an item-item model), added after the sparse ones
 * @param users each query's user, read by the row terms (may be empty when there are none)
 * @param contexts each query's context, read by the row terms (may be empty when there are none)
 */
public record TowerScores(Tensor queries, Tensor items, List<SparseScoreTerms> terms, List<ItemRowScores> rowTerms,
        int[] users, int[] contexts) {

    public TowerScores {
        terms = List.copyOf(terms);
        rowTerms = List.copyOf(rowTerms);
        for (SparseScoreTerms t : terms) {
            if (t.start().length != queries.rows() + 1) {
                throw new IllegalArgumentException("a sparse score term covers " + (t.start().length - 1)
                        + " queries, the query tower " + queries.rows());
            }
        }
        if (!rowTerms.isEmpty() && (users.length != queries.rows() || contexts.length != queries.rows())) {
            throw new IllegalArgumentException("row terms need each query's user and context: " + users.length
                    + " users and " + contexts.length + " contexts for " + queries.rows() + " queries");
        }
    }

    /** Scores with sparse terms only. */
    public TowerScores(Tensor queries, Tensor items, List<SparseScoreTerms> terms) {
        this(queries, items, terms, List.of(), new int[0], new int[0]);
    }

    /** The scorer these scores describe: one {@link DotProductScorer} plus the terms, in order. */
    public BlockScorer scorer() {
        BlockScorer s = new DotProductScorer(queries, items);
        for (SparseScoreTerms t : terms) {
            s = t.addTo(s);
        }
        for (ItemRowScores t : rowTerms) {
            s = new AddedItemScores(s, (from, to, out, numItems) -> t.addRows(users, contexts, from, to, out, numItems));
        }
        return s;
    }

    public int numQueries() {
        return queries.rows();
    }

    public int numItems() {
        return items.rows();
    }
}
