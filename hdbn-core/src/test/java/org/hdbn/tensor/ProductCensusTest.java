package org.hdbn.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ProductCensus}: the products pass through unchanged, each shape is counted by precision with its FLOPs,
 * and the time spent inside them accrues (what {@code hdbn bench} divides the products' FLOPs by).
 */
class ProductCensusTest {

    @Test
    void countsTimesAndPassesProductsThrough() {
        ProductCensus census = new ProductCensus(MatrixProducts.Choice.GEMM);
        MatrixProducts products = census.create();
        assertThat(census.seconds()).isZero();
        assertThat(census.flops()).isZero();
        // [1 2; 3 4] x [5 6; 7 8] = [19 22; 43 50], added to c
        double[] c = {1, 0, 0, 0};
        products.gemm(false, false, 2, 2, 2, new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, c);
        assertThat(c).containsExactly(20, 22, 43, 50);
        products.gemm(false, false, 2, 2, 2, new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8}, c);
        float[] f = new float[3];
        // op(A) = A^T: 3 x 1 times 1 x 1
        products.sgemm(true, false, 3, 1, 1, new float[] {1, 2, 3}, new float[] {2}, f);
        assertThat(f).containsExactly(2, 4, 6);
        double[] at = new double[4];
        products.gemmAt(1, 2, 2, new double[] {0, 1, 2}, 1, new double[] {5, 6, 7, 8}, at, 2);
        assertThat(at).containsExactly(0, 0, 19, 22);

        assertThat(census.counts()).isEqualTo(Map.of(
                new ProductShape(false, false, 2, 2, 2), 2L,
                new ProductShape(false, false, 1, 2, 2), 1L));
        assertThat(census.singleCounts()).isEqualTo(Map.of(new ProductShape(true, false, 3, 1, 1), 1L));
        assertThat(census.flops()).isEqualTo(2 * 16 + 6 + 8);
        assertThat(census.seconds()).isPositive();
    }
}
