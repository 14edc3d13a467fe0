package org.hdbn.nn;

import java.io.Serializable;
import java.util.function.IntPredicate;
import org.hdbn.data.SeenItems;
import org.hdbn.tensor.PositiveDefiniteInverse;

/**
 * The item-item weight matrix of EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse
 * Data", WWW 2019) in closed form,
 * <pre>  P = (X^T X + lambda I)^-1,   B = I - P diag(1 / diag P)</pre>
 * that is {@code B[i][j] = -P[i][j] / P[j][j]} off the diagonal and {@code B[j][j] = 0}, where
 * {@code X} is the binary user x item matrix of the training pairs (repeats count once, contexts
 * are ignored). A user's score for item {@code j} is the sum over their training items {@code i}
 * of {@code B[i][j]}; the zero diagonal keeps an item from predicting itself.
 *
 * <p>The fit is deterministic (the same pairs and lambda give the same matrix), so a model that
 * uses it can refit it when it is loaded instead of storing {@code n x n} numbers. It needs
 * {@code O(n^3)} time and one {@code n x n} array ({@code 8 n^2} bytes: 305 MB at 6,180 items).
 * Immutable.
 */
public final class EaseWeights implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double lambda;
    private final int numItems;
    private final double[] weights;

    private EaseWeights(double lambda, int numItems, double[] weights) {
        this.lambda = lambda;
        this.numItems = numItems;
        this.weights = weights;
    }

    /**
     * Fits {@code B} on the users' training items.
     *
     * @param numItems number of items, at least every item index in {@code history} plus one
     * @param lambda   the L2 regularisation, positive and finite
     */
    public static EaseWeights fit(SeenItems history, int numItems, double lambda) {
        return fit(history, numItems, lambda, u -> true);
    }

    /**
     * Fits {@code B} on the training items of the users {@code included} accepts (a held-out fold
     * of users leaves their pairs out of the fit).
     */
    public static EaseWeights fit(SeenItems history, int numItems, double lambda, IntPredicate included) {
        if (history.itemBound() > numItems) {
            throw new IllegalArgumentException("EASE: the history has item " + (history.itemBound() - 1)
                    + ", but only " + numItems + " items were declared");
        }
        return new EaseWeights(lambda, numItems, weights(gram(history, numItems, included), numItems, lambda));
    }

    /** {@code X^T X} row-major for the binary user x item matrix of the included users' item sets. */
    static double[] gram(SeenItems history, int numItems, IntPredicate included) {
        double[] g = new double[Math.multiplyExact(numItems, numItems)];
        for (int u = 0; u < history.userBound(); u++) {
            if (!included.test(u)) {
                continue;
            }
            int[] items = history.itemsOf(u);
            for (int i : items) {
                int row = i * numItems;
                for (int j : items) {
                    g[row + j] += 1;
                }
            }
        }
        return g;
    }

    /**
     * The EASE weights for a Gram matrix.
     *
     * @param gram   {@code X^T X}, row-major {@code [n, n]}; overwritten by the result
     * @return {@code B}, row-major {@code [n, n]}, with a zero diagonal (the same array as {@code gram})
     */
    static double[] weights(double[] gram, int n, double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("EASE: lambda must be positive and finite, got " + lambda);
        }
        for (int i = 0; i < n; i++) {
            gram[i * n + i] += lambda;
        }
        PositiveDefiniteInverse.invertInPlace(gram, n);
        double[] p = gram;
        double[] diag = new double[n];
        for (int j = 0; j < n; j++) {
            diag[j] = p[j * n + j];
        }
        for (int i = 0; i < n; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                p[row + j] = i == j ? 0.0 : -p[row + j] / diag[j];
            }
        }
        return p;
    }

    public double lambda() {
        return lambda;
    }

    public int numItems() {
        return numItems;
    }

    /** {@code B[i][j]}, the weight of a played item {@code i} towards item {@code j}. */
    public double weight(int i, int j) {
        return weights[i * numItems + j];
    }

    /** The score of one item for a user with the given training items: {@code sum_i B[i][item]}. */
    public double score(int[] played, int item) {
        double s = 0;
        for (int i : played) {
            s += weights[i * numItems + item];
        }
        return s;
    }

    /**
     * Adds {@code factor} times the score of every item, for a user with the given training items,
     * to {@code out[offset .. offset + numItems)}.
     */
    public void addScores(int[] played, double factor, double[] out, int offset) {
        for (int i : played) {
            int row = i * numItems;
            for (int j = 0; j < numItems; j++) {
                out[offset + j] += factor * weights[row + j];
            }
        }
    }
}
