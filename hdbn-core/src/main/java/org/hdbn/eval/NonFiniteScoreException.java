package org.hdbn.eval;

/**
 * A model produced a NaN or infinite score. Ranking refuses such scores rather than ordering them
 * arbitrarily, since a model emitting them is broken and its metrics would mean nothing.
 */
public final class NonFiniteScoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int query;
    private final int item;
    private final double score;

    public NonFiniteScoreException(int query, int item, double score) {
        super("evaluation query row " + query + ", item " + item + ": score is " + score
                + " (scores must be finite)");
        this.query = query;
        this.item = item;
        this.score = score;
    }

    /** Row of the evaluation interactions whose scores held the bad value. */
    public int query() {
        return query;
    }

    /** Item whose score was not finite. */
    public int item() {
        return item;
    }

    /** The offending value. */
    public double score() {
        return score;
    }
}
