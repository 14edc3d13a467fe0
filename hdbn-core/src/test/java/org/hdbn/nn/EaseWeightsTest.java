package org.hdbn.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.random.RandomStreams;
import org.hdbn.testing.ReferenceInverse;
import org.junit.jupiter.api.Test;

class EaseWeightsTest {

    static SeenItems pairs(int[] users, int[] items) {
        return SeenItems.of(new Interactions(users, items, new int[users.length]));
    }

    @Test
    void twoItemsPlayedTogetherWeighEachOtherOneHalfAtLambdaOne() {
        // G = [[1,1],[1,1]]; G + I = [[2,1],[1,2]]; P = 1/3 [[2,-1],[-1,2]]; B01 = -P01/P11 = (1/3)/(2/3)
        EaseWeights b = EaseWeights.fit(pairs(new int[] {0, 0}, new int[] {0, 1}), 2, 1.0);
        assertThat(b.weight(0, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(b.weight(1, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(b.weight(0, 0)).isZero();
        assertThat(b.weight(1, 1)).isZero();
    }

    @Test
    void matchesTheClosedFormWithAReferenceInverseOnRandomPairs() {
        UniformRandomProvider rng = RandomStreams.create(21);
        int users = 40;
        int n = 12;
        double lambda = 3.5;
        java.util.List<int[]> rows = new java.util.ArrayList<>();
        boolean[][] x = new boolean[users][n];
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < n; i++) {
                if (rng.nextDouble() < 0.3) {
                    // a repeated pair counts once
                    int times = 1 + rng.nextInt(2);
                    for (int t = 0; t < times; t++) {
                        rows.add(new int[] {u, i});
                    }
                    x[u][i] = true;
                }
            }
        }
        SeenItems seen = pairs(rows.stream().mapToInt(r -> r[0]).toArray(), rows.stream().mapToInt(r -> r[1]).toArray());
        double[][] a = new double[n][n];
        for (boolean[] row : x) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += row[i] && row[j] ? 1 : 0;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            a[i][i] += lambda;
        }
        double[][] p = ReferenceInverse.of(a);
        EaseWeights b = EaseWeights.fit(seen, n, lambda);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double expected = i == j ? 0 : -p[i][j] / p[j][j];
                assertThat(b.weight(i, j)).as("B[%d][%d]", i, j).isCloseTo(expected, within(1e-12));
            }
        }
        // a user's scores are the column sums of B over their items, one at a time or a whole row
        int[] played = seen.itemsOf(3);
        double[] row = new double[n + 2];
        Arrays.fill(row, Double.NaN);
        b.scores(played, 2.0, row);
        for (int j = 0; j < n; j++) {
            double sum = 0;
            for (int i : played) {
                sum += b.weight(i, j);
            }
            assertThat(b.score(played, j)).isCloseTo(sum, within(1e-15));
            assertThat(row[j]).isCloseTo(2 * sum, within(1e-14));
        }
        // past the items, the row is left alone
        assertThat(row[n]).isNaN();
        assertThat(row[n + 1]).isNaN();
    }

    @Test
    void scoresAddThePlayedRowsOneAtATimeInTheGivenOrder() {
        // the kernel adds four rows per pass over the row; each entry must still be
        // f B[i1][j] + f B[i2][j] + ... in the given order, the same bits as one row per pass
        UniformRandomProvider rng = RandomStreams.create(22);
        int n = 37;
        int[] users = new int[400];
        int[] items = new int[400];
        for (int k = 0; k < users.length; k++) {
            users[k] = rng.nextInt(30);
            items[k] = rng.nextInt(n);
        }
        EaseWeights b = EaseWeights.fit(pairs(users, items), n, 0.7);
        double[] row = new double[n + 3];
        for (int length = 0; length <= 11; length++) {
            // any order, an item may come twice
            int[] played = rng.ints(length, 0, n).toArray();
            double[] expected = new double[n];
            for (int i : played) {
                for (int j = 0; j < n; j++) {
                    expected[j] += 37.5 * b.weight(i, j);
                }
            }
            // whatever the row held before is overwritten
            Arrays.fill(row, rng.nextDouble() * 1e3 - 500);
            b.scores(played, 37.5, row);
            assertThat(Arrays.copyOf(row, n)).as("%d played items", length).isEqualTo(expected);
        }
        assertThatThrownBy(() -> b.scores(new int[] {1}, 1, new double[n - 1]))
                .hasMessageContaining("a row of " + (n - 1) + " for " + n + " items");
    }

    @Test
    void refusesANonPositiveLambdaAndTooFewItems() {
        SeenItems seen = pairs(new int[] {0, 0}, new int[] {0, 4});
        assertThatThrownBy(() -> EaseWeights.fit(seen, 5, 0)).hasMessageContaining("lambda must be positive");
        assertThatThrownBy(() -> EaseWeights.fit(seen, 4, 1)).hasMessageContaining("item 4, but only 4 items");
    }
}
