package org.hdbn.examples.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hdbn.data.Interactions;
import org.hdbn.eval.BlockScorer;
import org.hdbn.testing.ReferenceInverse;
import org.junit.jupiter.api.Test;

/** EASE against its closed form computed directly, and a 2-item case worked by hand. */
class EaseTest {

    // 4 users x 5 items, binary; user 1 has item 2 twice (counted once) under two emotions
    static final int[][] X = {
        {1, 1, 0, 0, 0},
        {0, 1, 1, 0, 1},
        {1, 0, 1, 1, 0},
        {0, 0, 0, 1, 1},
    };

    static Interactions triples() {
        java.util.List<int[]> rows = new java.util.ArrayList<>();
        for (int u = 0; u < X.length; u++) {
            for (int i = 0; i < X[u].length; i++) {
                if (X[u][i] == 1) {
                    rows.add(new int[] {u, i, 0});
                }
            }
        }
        rows.add(new int[] {1, 2, 3});
        int[] users = rows.stream().mapToInt(r -> r[0]).toArray();
        int[] items = rows.stream().mapToInt(r -> r[1]).toArray();
        int[] tags = rows.stream().mapToInt(r -> r[2]).toArray();
        return new Interactions(users, items, tags);
    }

    @Test
    void twoItemsPlayedTogetherWeighEachOtherOneHalfAtLambdaOne() {
        // G = [[1,1],[1,1]]; G + I = [[2,1],[1,2]]; P = 1/3 [[2,-1],[-1,2]]; B01 = -P01/P11 = (1/3)/(2/3)
        Ease ease = Ease.fit(new Interactions(new int[] {0, 0}, new int[] {0, 1}, new int[] {0, 0}), 2, 1.0);
        assertThat(ease.weight(0, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(ease.weight(1, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(ease.weight(0, 0)).isZero();
        assertThat(ease.weight(1, 1)).isZero();
    }

    @Test
    void weightsMatchTheClosedFormOnAFourByFiveMatrix() {
        double lambda = 2.5;
        int n = 5;
        double[][] a = new double[n][n];
        for (int[] row : X) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            a[i][i] += lambda;
        }
        double[][] p = ReferenceInverse.of(a);
        Ease ease = Ease.fit(triples(), n, lambda);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected = i == j ? 0 : -p[i][j] / p[j][j];
                assertThat(ease.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected, within(1e-12));
            }
        }
        // a user's scores are the sums of B's rows over their items: user 2 played items 0, 2, 3;
        // two queries of user 2 in a row share one row, and the next user gets its own
        Interactions queries = new Interactions(new int[] {2, 2, 0}, new int[] {0, 0, 0}, new int[] {0, 1, 0});
        BlockScorer scorer = ease.scorer(null, queries);
        double[] out = new double[3 * n];
        scorer.score(0, 3, out);
        for (int j = 0; j < n; j++) {
            double user2 = ease.weight(0, j) + ease.weight(2, j) + ease.weight(3, j);
            double user0 = ease.weight(0, j) + ease.weight(1, j);
            assertThat(out[j]).isCloseTo(user2, within(1e-12));
            assertThat(out[n + j]).isEqualTo(out[j]);
            assertThat(out[2 * n + j]).isCloseTo(user0, within(1e-12));
        }
    }

    @Test
    void refusesANonPositiveLambda() {
        assertThatThrownBy(() -> Ease.fit(triples(), 5, 0)).hasMessageContaining("lambda must be positive");
    }

}
