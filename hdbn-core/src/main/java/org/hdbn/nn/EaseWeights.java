package org.hdbn.nn;

import java.io.Serializable;
import java.util.Arrays;
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
 * {@code O(n^3)} time and one {@code n x n} array ({@code 8 n^2} bytes: 305 MB at 6,180 items), held
 * as one array per row (the fit briefly needs twice that, when the rows are copied out of the
 * inverted matrix). Immutable.
 */
public final class EaseWeights implements Serializable {

    private static final long serialVersionUID = 2L;

    private final double lambda;
    private final int numItems;
    // row i of B in its own array: a loop over a row then indexes every array by the loop variable
    // alone, which HotSpot C2 needs to vectorise it (a row at an offset of one n x n array is not)
    private final double[][] rows;

    private EaseWeights(double lambda, int numItems, double[] weights) {
        this.lambda = lambda;
        this.numItems = numItems;
        this.rows = new double[numItems][];
        for (int i = 0; i < numItems; i++) {
            rows[i] = Arrays.copyOfRange(weights, i * numItems, (i + 1) * numItems);
        }
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
        return rows[i][j];
    }

    /** The score of one item for a user with the given training items: {@code sum_i B[i][item]}. */
    public double score(int[] played, int item) {
        double s = 0;
        for (int i : played) {
            s += rows[i][item];
        }
        return s;
    }

    /**
     * Writes {@code factor} times the score of every item, for a user with the given training items,
     * to {@code row[0 .. numItems)}: {@code row[j] = factor * B[i1][j] + factor * B[i2][j] + ...} for
     * the played items in the order given (0 for none). A caller that ranks several queries of one
     * user computes the row once and adds it to each query's scores.
     *
     * @param row at least {@code numItems} long; its first {@code numItems} entries are overwritten
     */
    public void scores(int[] played, double factor, double[] row) {
        if (row.length < numItems) {
            throw new IllegalArgumentException("EASE: a row of " + row.length + " for " + numItems + " items");
        }
        // four played items per pass over the row (it is read and written once per four rows of B,
        // not once per row), each entry still adding the rows one at a time in the given order; the
        // row is zero-based and apart from B's rows, so the loops vectorise
        int n = numItems;
        Arrays.fill(row, 0, n, 0.0);
        int k = 0;
        for (; k + 3 < played.length; k += 4) {
            double[] b0 = rows[played[k]];
            double[] b1 = rows[played[k + 1]];
            double[] b2 = rows[played[k + 2]];
            double[] b3 = rows[played[k + 3]];
            for (int j = 0; j < n; j++) {
                row[j] = row[j] + factor * b0[j] + factor * b1[j] + factor * b2[j] + factor * b3[j];
            }
        }
        // the last one to three rows in one pass too
        int left = played.length - k;
        if (left == 3) {
            double[] b0 = rows[played[k]];
            double[] b1 = rows[played[k + 1]];
            double[] b2 = rows[played[k + 2]];
            for (int j = 0; j < n; j++) {
                row[j] = row[j] + factor * b0[j] + factor * b1[j] + factor * b2[j];
            }
        } else if (left == 2) {
            double[] b0 = rows[played[k]];
            double[] b1 = rows[played[k + 1]];
            for (int j = 0; j < n; j++) {
                row[j] = row[j] + factor * b0[j] + factor * b1[j];
            }
        } else if (left == 1) {
            double[] b0 = rows[played[k]];
            for (int j = 0; j < n; j++) {
                row[j] += factor * b0[j];
            }
        }
    }
}
