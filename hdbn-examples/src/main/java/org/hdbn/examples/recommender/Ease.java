package org.hdbn.examples.recommender;

import java.util.Locale;
import org.ejml.EjmlParameters;
import org.ejml.data.DMatrixRBlock;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.block.MatrixOps_DDRB;
import org.ejml.dense.block.linsol.chol.CholeskyOuterSolver_MT_DDRB;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.BlockScorer;
import org.hdbn.run.data.Dataset;

/**
 * EASE (Steck, "Embarrassingly Shallow Autoencoders for Sparse Data", WWW 2019): an item-item
 * weight matrix in closed form,
 * <pre>  P = (X^T X + lambda I)^-1,   B = I - P diag(1 / diag P)</pre>
 * that is {@code B[i][j] = -P[i][j] / P[j][j]} off the diagonal and {@code B[j][j] = 0}, where
 * {@code X} is the binary user x song matrix of the training triples (a song a user played in
 * several triples counts once; emotions are ignored). A user's score for song {@code j} is
 * {@code sum over their training songs i of B[i][j]}, computed per query from {@code B}'s rows
 * rather than as a dense {@code X B}.
 *
 * <p>The inverse comes from EJML's multi-threaded blocked Cholesky solver; it needs
 * {@code O(n^3)} time and a few {@code n x n} matrices of memory for {@code n} songs.
 */
public final class Ease implements Recommender {

    public static final String NAME = "ease";

    private final double lambda;
    private final int numItems;
    private final double[] weights;
    private final SeenItems history;

    private Ease(double lambda, int numItems, double[] weights, SeenItems history) {
        this.lambda = lambda;
        this.numItems = numItems;
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
        double[] b = weights(gram(history, numItems), numItems, lambda);
        return new Ease(lambda, numItems, b, history);
    }

    /** {@code X^T X} row-major for the binary user x item matrix of the users' item sets. */
    static double[] gram(SeenItems history, int numItems) {
        double[] g = new double[Math.multiplyExact(numItems, numItems)];
        for (int u = 0; u < history.userBound(); u++) {
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
     * @param gram   {@code X^T X}, row-major {@code [n, n]}; overwritten (its diagonal grows by lambda)
     * @param n      number of items
     * @param lambda positive regularisation, which makes {@code X^T X + lambda I} positive definite
     * @return {@code B}, row-major {@code [n, n]}, with a zero diagonal
     */
    public static double[] weights(double[] gram, int n, double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("EASE: lambda must be positive and finite, got " + lambda);
        }
        if (gram.length != (long) n * n) {
            throw new IllegalArgumentException("EASE: a Gram matrix of " + n + " items needs " + (long) n * n
                    + " values, got " + gram.length);
        }
        double[] p = inverse(regularised(gram, n, lambda), n, lambda);
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

    /** {@code X^T X + lambda I} in EJML's block layout, which its Cholesky solvers work on; adds lambda to {@code gram}'s diagonal. */
    private static DMatrixRBlock regularised(double[] gram, int n, double lambda) {
        // wraps rather than copies: at thousands of items every n x n copy costs hundreds of MB
        DMatrixRMaj a = DMatrixRMaj.wrap(n, n, gram);
        for (int i = 0; i < n; i++) {
            a.data[i * n + i] += lambda;
        }
        return MatrixOps_DDRB.convert(a, EjmlParameters.BLOCK_WIDTH);
    }

    /** The inverse of a positive definite block matrix, row-major; {@code a} is overwritten. */
    private static double[] inverse(DMatrixRBlock a, int n, double lambda) {
        CholeskyOuterSolver_MT_DDRB solver = new CholeskyOuterSolver_MT_DDRB();
        if (!solver.setA(a)) {
            throw new IllegalStateException("EASE: X^T X + " + lambda + " I is not positive definite (Cholesky failed)");
        }
        DMatrixRBlock inverse = new DMatrixRBlock(n, n, EjmlParameters.BLOCK_WIDTH);
        solver.invert(inverse);
        return MatrixOps_DDRB.convert(inverse, (DMatrixRMaj) null).data;
    }

    public double lambda() {
        return lambda;
    }

    /** {@code B[i][j]}, the weight of a played item {@code i} towards item {@code j}. */
    public double weight(int i, int j) {
        return weights[i * numItems + j];
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
                return numItems;
            }

            @Override
            public void score(int from, int to, double[] out) {
                for (int q = from; q < to; q++) {
                    int base = (q - from) * numItems;
                    java.util.Arrays.fill(out, base, base + numItems, 0.0);
                    for (int i : history.itemsOf(users[q])) {
                        int row = i * numItems;
                        for (int j = 0; j < numItems; j++) {
                            out[base + j] += weights[row + j];
                        }
                    }
                }
            }
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[lambda=%g]", NAME, lambda);
    }
}
