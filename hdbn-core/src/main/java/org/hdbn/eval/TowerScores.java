package org.hdbn.eval;

import java.util.List;
import org.hdbn.tensor.Tensor;

/**
 * A model's scores for a set of queries, as plain data: {@code score(q, i) = queries[q] . items[i]}
 * plus the sparse terms' values on query q's few pairs. Everything a process needs to rank the
 * queries without the model, so ranking can run where the model is not (see {@link DistributedRanking}).
 *
 * @param queries {@code [numQueries, d]}, one row per query
 * @param items {@code [numItems, d]}, one row per item
 * @param terms sparse score terms over the same queries, added in this order
 */
public record TowerScores(Tensor queries, Tensor items, List<SparseScoreTerms> terms) {

    public TowerScores {
        terms = List.copyOf(terms);
        for (SparseScoreTerms t : terms) {
            if (t.start().length != queries.rows() + 1) {
                throw new IllegalArgumentException("a sparse score term covers " + (t.start().length - 1)
                        + " queries, the query tower " + queries.rows());
            }
        }
    }

    /** The scorer these scores describe: one {@link DotProductScorer} plus the terms, in order. */
    public BlockScorer scorer() {
        BlockScorer s = new DotProductScorer(queries, items);
        for (SparseScoreTerms t : terms) {
            s = t.addTo(s);
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
