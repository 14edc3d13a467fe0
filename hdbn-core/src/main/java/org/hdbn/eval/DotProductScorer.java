package org.hdbn.eval;

import org.hdbn.tensor.Gemm;
import org.hdbn.tensor.MatrixProducts;
import org.hdbn.tensor.Tensor;

/**
 * Scores of a two-tower model, {@code score(q, i) = queries[q] . candidates[i]}: one matrix
 * product ({@link MatrixProducts#preferred()}: OpenBLAS where installed, else {@link Gemm}) per
 * block of queries, against the candidates transposed once. Every model
 * in hdbn that ranks by a dot product of two towers (HDBN, its variants, BPR-MF, the two-tower
 * baseline) scores through this class. Safe for concurrent calls on disjoint blocks with separate
 * output arrays.
 */
public final class DotProductScorer implements BlockScorer {

    private final Tensor queries;
    private final int numItems;
    // d x numItems: each query block's scores are the product of its rows with this matrix
    private final double[] candidatesByColumn;
    private final MatrixProducts.Choice products = MatrixProducts.preferred();

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
        this.numItems = candidates.rows();
        this.candidatesByColumn = Gemm.transpose(candidates.data(), numItems, candidates.cols(),
                new double[candidates.size()]);
    }

    @Override
    public int numItems() {
        return numItems;
    }

    @Override
    public void score(int from, int to, double[] out) {
        int d = queries.cols();
        int size = (to - from) * numItems;
        java.util.Arrays.fill(out, 0, size, 0.0);
        products.create().gemmAt(to - from, numItems, d, queries.data(), from * d, candidatesByColumn, out, 0);
    }
}
