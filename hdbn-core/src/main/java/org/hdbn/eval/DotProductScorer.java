package org.hdbn.eval;

import org.hdbn.tensor.Tensor;

/**
 * Scores of a two-tower model, {@code score(q, i) = queries[q] . candidates[i]}: one matrix product
 * per block of queries. Every model in hdbn that ranks by a dot product of two towers (HDBN, its
 * variants, BPR-MF, the two-tower baseline) scores through this class.
 */
public final class DotProductScorer implements BlockScorer {

    private final Tensor queries;
    private final Tensor candidates;

    /**
     * @param queries     {@code [numQueries, d]}, one row per evaluation query
     * @param candidates  {@code [numItems, d]}, one row per item
     */
    public DotProductScorer(Tensor queries, Tensor candidates) {
        if (queries.rank() != 2 || candidates.rank() != 2 || queries.cols() != candidates.cols()) {
            throw new IllegalArgumentException("query and candidate towers must be matrices of equal width, got "
                    + java.util.Arrays.toString(queries.shape()) + " and " + java.util.Arrays.toString(candidates.shape()));
        }
        this.queries = queries;
        this.candidates = candidates;
    }

    @Override
    public int numItems() {
        return candidates.rows();
    }

    @Override
    public void score(int from, int to, double[] out) {
        int d = queries.cols();
        int n = candidates.rows();
        double[] q = queries.data();
        double[] c = candidates.data();
        for (int i = from; i < to; i++) {
            int qi = i * d;
            int oi = (i - from) * n;
            for (int j = 0; j < n; j++) {
                int cj = j * d;
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += q[qi + k] * c[cj + k];
                }
                out[oi + j] = s;
            }
        }
    }
}
