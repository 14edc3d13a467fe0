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

    /**
     * The query each candidate row belongs to: row r < B is query r's positive, the N negatives of
     * query q follow the positives in order. {@code candidateRows == queries} (N = 0: one candidate
     * per query, as when scoring pairs) maps row r to query r.
     */
    public static int[] queryOfRows(int queries, int candidateRows) {
        int n = candidateRows == queries ? 0 : negatives(queries, candidateRows);
        int[] owner = new int[candidateRows];
        for (int r = 0; r < candidateRows; r++) {
            owner[r] = r < queries ? r : (r - queries) / n;
        }
        return owner;
    }
}
