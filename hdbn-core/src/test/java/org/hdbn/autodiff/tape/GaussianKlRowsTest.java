package org.hdbn.autodiff.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The KL's eight lanes: the vector loop gives the scalar lanes' bits (random rows of every width,
 * chunked ones, subnormal and extreme scales, and a row with zero, negative, infinite and NaN
 * scales), and both give the closed form summed entry by entry.
 */
class GaussianKlRowsTest {

    /** Scales whose logarithms are finite but take the plain-logarithm path (subnormal) or are extreme. */
    private static final double[] FINITE_EDGES = {Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300,
        1e150};

    /** Scales that make a row's KL infinite or NaN; only the last row gets them. */
    private static final double[] NON_FINITE = {0.0, -0.5, Double.POSITIVE_INFINITY, Double.NaN};

    @Test
    void theTestsRunTheVectorLoop() {
        // surefire starts the JVM with --add-modules jdk.incubator.vector; the vector loop needs eight doubles
        // per vector (AVX-512), else the scalar lanes run
        assumeTrue(jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length() >= 8, "vectors of 8 doubles");
        assertThat(GaussianKlRows.preferred()).isInstanceOf(VectorGaussianKl.class);
    }

    @Test
    void vectorLanesGiveTheScalarLanesBits() {
        assumeTrue(GaussianKlRows.preferred() instanceof VectorGaussianKl, "the vector loop runs here");
        GaussianKlRows vector = GaussianKlRows.preferred();
        UniformRandomProvider rng = RandomStreams.create(61);
        // widths around a vector, a layer's (64, 9), and past a chunk of 32 vectors (256 entries)
        int[] widths = {1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 255, 256, 257, 600};
        for (int cols : widths) {
            for (boolean edges : new boolean[] {false, true}) {
                int rows = 3;
                double[] mp = new double[rows * cols];
                double[] sp = new double[rows * cols];
                for (int k = 0; k < mp.length; k++) {
                    mp[k] = rng.nextDouble() - 0.5;
                    // softplus of rho near -5: scales near 0.0067, and a few far from it
                    sp[k] = k % 5 == 0 ? Math.pow(10, -10 * rng.nextDouble()) : 0.0067 * (0.5 + rng.nextDouble());
                    if (edges && k % 3 == 1) {
                        sp[k] = FINITE_EDGES[(k / 3) % FINITE_EDGES.length];
                    }
                }
                for (int j = 0; edges && j < Math.min(cols, NON_FINITE.length); j++) {
                    sp[(rows - 1) * cols + j] = NON_FINITE[j];
                }
                double[] mq = {0.1};
                double[] sq = {0.75};
                double[] expected = new double[rows];
                double[] actual = new double[rows];
                for (int round = 0; round < 2; round++) {
                    ScalarGaussianKl.INSTANCE.rows(mp, sp, mq, sq, rows, cols, expected);
                    vector.rows(mp, sp, mq, sq, rows, cols, actual);
                    // the first rows stay finite, so their bits say something
                    assertThat(expected[0]).isFinite();
                    for (int i = 0; i < rows; i++) {
                        assertThat(Double.doubleToLongBits(actual[i])).as("width %d, edges %s, row %d", cols, edges, i)
                                .isEqualTo(Double.doubleToLongBits(expected[i]));
                    }
                    // the same once the loop is compiled: the bits do not depend on the JIT
                    for (int warm = 0; warm < 3_000; warm++) {
                        vector.rows(mp, sp, mq, sq, rows, cols, actual);
                    }
                }
            }
        }
    }

    @Test
    void lanesAgreeWithTheClosedFormEntryByEntry() {
        UniformRandomProvider rng = RandomStreams.create(62);
        int rows = 4;
        int cols = 700;
        double[] mp = new double[rows * cols];
        double[] sp = new double[rows * cols];
        for (int k = 0; k < mp.length; k++) {
            mp[k] = 2 * rng.nextDouble() - 1;
            // scales over 40 orders of magnitude, so the logarithms dominate some rows
            sp[k] = Math.pow(10, -40 * rng.nextDouble());
        }
        double[] mq = {-0.2};
        double[] sq = {1.5};
        for (GaussianKlRows lanes : new GaussianKlRows[] {ScalarGaussianKl.INSTANCE, GaussianKlRows.preferred()}) {
            double[] y = new double[rows];
            lanes.rows(mp, sp, mq, sq, rows, cols, y);
            for (int i = 0; i < rows; i++) {
                double expected = 0;
                for (int k = i * cols; k < (i + 1) * cols; k++) {
                    double r = sp[k] / sq[0];
                    double d = (mp[k] - mq[0]) / sq[0];
                    expected += 0.5 * (r * r + d * d) - Math.log(r) - 0.5;
                }
                assertThat(y[i]).as("%s row %d", lanes.name(), i).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
            }
        }
    }
}
