package org.hdbn.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.random.RandomStreams;
import org.hdbn.testing.ReferenceInverse;
import org.junit.jupiter.api.Test;

class PositiveDefiniteInverseTest {

    @Test
    void aTwoByTwoInverseByHand() {
        // [[2,1],[1,2]]^-1 = 1/3 [[2,-1],[-1,2]]
        double[] a = {2, 1, 1, 2};
        PositiveDefiniteInverse.invertInPlace(a, 2);
        assertThat(a).containsExactly(new double[] {2.0 / 3, -1.0 / 3, -1.0 / 3, 2.0 / 3}, within(1e-14));
    }

    @Test
    void matchesAReferenceInverseOnRandomMatricesAndIsSymmetric() {
        UniformRandomProvider rng = RandomStreams.create(11);
        for (int n : new int[] {1, 3, 17, 70}) {
            // M M^T + n I is positive definite
            double[][] m = new double[n][n];
            for (double[] row : m) {
                for (int j = 0; j < n; j++) {
                    row[j] = rng.nextDouble() * 2 - 1;
                }
            }
            double[][] a = new double[n][n];
            double[] flat = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < n; k++) {
                        a[i][j] += m[i][k] * m[j][k];
                    }
                    a[i][j] += i == j ? n : 0;
                    flat[i * n + j] = a[i][j];
                }
            }
            double[][] expected = ReferenceInverse.of(a);
            PositiveDefiniteInverse.invertInPlace(flat, n);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    assertThat(flat[i * n + j]).as("n %d [%d][%d]", n, i, j).isCloseTo(expected[i][j], within(1e-10));
                    assertThat(flat[i * n + j]).isEqualTo(flat[j * n + i]);
                }
            }
        }
    }

    @Test
    void refusesAMatrixThatIsNotPositiveDefiniteAndAWrongSize() {
        assertThatThrownBy(() -> PositiveDefiniteInverse.invertInPlace(new double[] {1, 2, 2, 1}, 2))
                .hasMessageContaining("not positive definite");
        assertThatThrownBy(() -> PositiveDefiniteInverse.invertInPlace(new double[3], 2))
                .hasMessageContaining("2 x 2 matrix needs 4 values, got 3");
    }
}
