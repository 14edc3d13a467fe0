package org.hdbn.autodiff;

/** The candidate layout of {@link Graph#bprLoss}: B positives, then N negatives per query. */
public final class BprLayout {

    private BprLayout() {
    }

    /** N, the negatives per query, for B queries and the given candidate rows; refuses other layouts. */
    public static int negatives(int queries, int candidateRows) {
        if (queries < 1 || candidateRows <= queries || (candidateRows - queries) % queries != 0) {
            throw new IllegalArgumentException("BPR needs B positives then N*B negatives, got " + candidateRows
                    + " candidate rows for " + queries + " queries");
        }
        return (candidateRows - queries) / queries;
    }
}
