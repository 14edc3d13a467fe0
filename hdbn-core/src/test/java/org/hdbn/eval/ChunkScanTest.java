package org.hdbn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.VectorApi;
import org.junit.jupiter.api.Test;

/** The vector counting pass against the scalar one: the same counts and chunk maxima, exactly. */
class ChunkScanTest {

    @Test
    void vectorScanGivesTheScalarScansCountsAndChunkMaxima() {
        assumeTrue(VectorApi.enabled(), "the vector kernels run only with the jdk.incubator.vector module");
        ChunkScan vector = VectorApi.load("org.hdbn.eval.VectorChunkScan", ChunkScan.class, null);
        assertThat(vector).isNotNull();
        UniformRandomProvider rng = RandomStreams.create(51);
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int round = 0; round < 400; round++) {
            int items = 1 + rng.nextInt(300);
            int base = rng.nextInt(5);
            double[] s = new double[base + items];
            for (int j = 0; j < s.length; j++) {
                // coarse values, so ties with the bound and between items occur; some specials
                s[j] = rng.nextInt(20) == 0 ? specials[rng.nextInt(specials.length)] : rng.nextInt(9) - 4;
            }
            int from = rng.nextInt(items + 1);
            int to = from + rng.nextInt(items - from + 1);
            double bound = rng.nextInt(9) - 4.5 + (rng.nextBoolean() ? 0.5 : 0);
            int chunks = (items + TopKRanker.CHUNK - 1) / TopKRanker.CHUNK;
            double[] expectedBest = new double[chunks];
            Arrays.fill(expectedBest, rng.nextBoolean() ? Double.NEGATIVE_INFINITY : rng.nextInt(5) - 2);
            double[] actualBest = expectedBest.clone();
            long expected = ScalarChunkScan.INSTANCE.scan(s, base, from, to, bound, expectedBest);
            long actual = vector.scan(s, base, from, to, bound, actualBest);
            assertThat(ChunkScan.above(actual)).as("above, round %d", round).isEqualTo(ChunkScan.above(expected));
            assertThat(ChunkScan.finite(actual)).as("finite, round %d", round).isEqualTo(ChunkScan.finite(expected));
            for (int c = 0; c < chunks; c++) {
                assertThat(Double.doubleToLongBits(actualBest[c])).as("chunk %d, round %d", c, round)
                        .isEqualTo(Double.doubleToLongBits(expectedBest[c]));
            }
        }
    }

    @Test
    void countsAreCounted() {
        // 70 items: two whole chunks and a cut one; 3 above 0.5, 68 finite
        double[] s = new double[70];
        s[3] = 1;
        s[40] = 2;
        s[69] = 0.75;
        s[10] = Double.NaN;
        s[50] = Double.NEGATIVE_INFINITY;
        double[] best = new double[3];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        long counts = ScalarChunkScan.INSTANCE.scan(s, 0, 0, 70, 0.5, best);
        assertThat(ChunkScan.above(counts)).isEqualTo(3);
        assertThat(ChunkScan.finite(counts)).isEqualTo(68);
        assertThat(best[1]).isEqualTo(2.0);
        assertThat(best[2]).isEqualTo(0.75);
    }
}
