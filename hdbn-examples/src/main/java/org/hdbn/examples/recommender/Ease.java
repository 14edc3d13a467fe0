package org.hdbn.examples.recommender;

import java.util.Locale;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.BlockScorer;
import org.hdbn.nn.EaseWeights;
import org.hdbn.run.data.Dataset;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019) as a recommender:
 * the item-item weights {@link EaseWeights} fitted on the binary user x song matrix of the training
 * triples (emotions ignored); a user's score for song {@code j} is {@code sum over their training
 * songs i of B[i][j]}, computed per query from {@code B}'s rows rather than as a dense {@code X B}.
 * The {@code item_item} node of a model spec scores with the same fit.
 */
public final class Ease implements Recommender {

    public static final String NAME = "ease";

    private final EaseWeights weights;
    private final SeenItems history;

    private Ease(EaseWeights weights, SeenItems history) {
        this.weights = weights;
        this.history = history;
    }

    /**
     * Fits {@code B} on the training triples.
     *
     * @param lambda the L2 regularisation, positive
     */
    public static Ease fit(Dataset data, double lambda) {
        return fit(data.train(), data.items().size(), lambda);
    }

    static Ease fit(Interactions train, int numItems, double lambda) {
        SeenItems history = SeenItems.of(train);
        return new Ease(EaseWeights.fit(history, numItems, lambda), history);
    }

    public double lambda() {
        return weights.lambda();
    }

    /** {@code B[i][j]}, the weight of a played item {@code i} towards item {@code j}. */
    public double weight(int i, int j) {
        return weights.weight(i, j);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public BlockScorer scorer(Dataset data, Interactions queries) {
        int[] users = queries.users();
        return new BlockScorer() {
            @Override
            public int numItems() {
                return weights.numItems();
            }

            @Override
            public void score(int from, int to, double[] out) {
                int n = weights.numItems();
                double[] row = new double[n];
                for (int q = from; q < to; q++) {
                    // queries ranked grouped by user (RankingEvaluator.evaluateByUser) share the row
                    if (q == from || users[q] != users[q - 1]) {
                        weights.scores(history.itemsOf(users[q]), 1.0, row);
                    }
                    System.arraycopy(row, 0, out, (q - from) * n, n);
                }
            }
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[lambda=%g]", NAME, weights.lambda());
    }
}
