package org.hdbn.autodiff.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hdbn.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * Softplus from {@link SoftplusMath} against {@link StrictMath} (within an ulp or two), and the
 * vector loops against the scalar ones (the same bits, on random values, the edges of the double
 * range and every tail length).
 */
class SoftplusLoopsTest {

    private static final double[] EDGES = {0.0, -0.0, 1e-300, -1e-300, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-8,
        -1e-8, 0.34657359, -0.34657359, 0.5, -0.5, 0.8813735870195429, -0.8813735870195429, 1, -1, 20, -20, 36.7,
        -36.7, 40, -40, 700, -700, 708.4, -708.4, 745.1, -745.1, 745.2, -745.2, 1000, -1000, 1e300, -1e300,
        Double.MAX_VALUE, -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN};

    @Test
    void expOfNonPositiveArgumentsIsWithinAnUlpOfStrictMath() {
        UniformRandomProvider rng = RandomStreams.create(40);
        for (int i = 0; i < 200_000; i++) {
            // the whole range, and closely around where e^z leaves the normal numbers
            double z = i % 2 == 0 ? -750 * rng.nextDouble() : -700 - 46 * rng.nextDouble();
            assertThat(ulps(SoftplusMath.expNonPositive(z), StrictMath.exp(z))).as("e^%s", z).isLessThanOrEqualTo(1);
        }
        assertThat(SoftplusMath.expNonPositive(0.0)).isEqualTo(1.0);
        assertThat(SoftplusMath.expNonPositive(-0.0)).isEqualTo(1.0);
        assertThat(SoftplusMath.expNonPositive(-746)).isEqualTo(0.0);
        assertThat(SoftplusMath.expNonPositive(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(SoftplusMath.expNonPositive(Double.NaN)).isNaN();
        assertThat(SoftplusMath.expNonPositive(-745.1)).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void log1pOfTheUnitIntervalIsWithinAnUlpOfStrictMath() {
        UniformRandomProvider rng = RandomStreams.create(42);
        for (int i = 0; i < 200_000; i++) {
            // uniform on [0, 1], and log-uniform down to 1e-300
            double t = i % 2 == 0 ? rng.nextDouble() : Math.pow(10, -300 * rng.nextDouble());
            assertThat(ulps(SoftplusMath.log1pUnit(t), StrictMath.log1p(t))).as("log1p(%s)", t).isLessThanOrEqualTo(1);
        }
        assertThat(SoftplusMath.log1pUnit(0.0)).isEqualTo(0.0);
        assertThat(SoftplusMath.log1pUnit(1.0)).isEqualTo(StrictMath.log(2));
        assertThat(SoftplusMath.log1pUnit(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
    }

    @Test
    void softplusAndItsGradientAreWithinTwoUlpsOfStrictMath() {
        UniformRandomProvider rng = RandomStreams.create(43);
        for (int i = 0; i < 200_000; i++) {
            double x = 80 * (rng.nextDouble() - 0.5);
            double y = SoftplusMath.softplus(x);
            double expected = Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
            assertThat(ulps(y, expected)).as("softplus(%s)", x).isLessThanOrEqualTo(2);
            double sigmoid = 1 / (1 + StrictMath.exp(-x));
            // e^(x - y) carries the rounding of y and of x - y: an absolute error h in the exponent
            // is a relative error h in the result
            double h = Math.ulp(y) + Math.ulp(x - y);
            assertThat(Math.abs(SoftplusMath.gradient(x, y, 1.0) - sigmoid))
                    .as("sigmoid(%s)", x).isLessThanOrEqualTo(2 * Math.ulp(sigmoid) + h * sigmoid);
        }
        assertThat(SoftplusMath.softplus(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(SoftplusMath.softplus(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(SoftplusMath.softplus(Double.NaN)).isNaN();
        assertThat(SoftplusMath.softplus(-745.1)).isEqualTo(Double.MIN_VALUE);
        assertThat(SoftplusMath.softplus(1e300)).isEqualTo(1e300);
    }

    @Test
    void theTestsRunTheVectorLoops() {
        // surefire starts the JVM with --add-modules jdk.incubator.vector, as the launcher does
        assumeTrue(System.getProperty("os.arch").matches("amd64|x86_64|aarch64"), "the vector loops need SIMD");
        assertThat(ModuleLayer.boot().findModule("jdk.incubator.vector")).isPresent();
        assertThat(SoftplusLoops.preferred()).isInstanceOf(VectorSoftplus.class);
    }

    @Test
    void vectorLoopsGiveTheScalarLoopsBits() {
        assumeTrue(SoftplusLoops.preferred() instanceof VectorSoftplus,
                "the vector loops run only with the jdk.incubator.vector module");
        SoftplusLoops vector = SoftplusLoops.preferred();
        UniformRandomProvider rng = RandomStreams.create(41);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        // every length up to three vectors and more, so that every tail length is covered; the
        // edges land in the vectors, the random values in the tails too
        // and one length past the backward's scratch blocks of 1024, not a multiple of them
        for (int n : java.util.stream.IntStream.concat(java.util.stream.IntStream.rangeClosed(0, 40),
                java.util.stream.IntStream.of(2500)).toArray()) {
            double[] x = new double[EDGES.length + n];
            System.arraycopy(EDGES, 0, x, 0, EDGES.length);
            for (int k = EDGES.length; k < x.length; k++) {
                // a Bayesian layer's rho sits near -5; activations anywhere
                x[k] = k % 2 == 0 ? -5 + 2 * gaussian.sample() : 30 * (rng.nextDouble() - 0.5);
            }
            for (int round = 0; round < 2; round++) {
                double[] expected = new double[x.length];
                double[] actual = new double[x.length];
                ScalarSoftplus.INSTANCE.forward(x, expected);
                vector.forward(x, actual);
                assertThat(bits(actual)).as("softplus, length %d", x.length).isEqualTo(bits(expected));
                double[] g = rng.doubles(x.length).map(v -> v - 0.5).toArray();
                double[] gExpected = rng.doubles(x.length).toArray();
                double[] gActual = gExpected.clone();
                ScalarSoftplus.INSTANCE.backward(x, expected, g, gExpected);
                vector.backward(x, expected, g, gActual);
                assertThat(bits(gActual)).as("gradient, length %d", x.length).isEqualTo(bits(gExpected));
                // the same again once the loops are compiled: the bits do not depend on the JIT
                for (int warm = 0; warm < 2_000; warm++) {
                    vector.forward(x, actual);
                }
            }
        }
    }

    private static long[] bits(double[] values) {
        long[] out = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = Double.doubleToLongBits(values[k]);
        }
        return out;
    }

    private static double ulps(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isInfinite(expected)) {
            return Double.compare(actual, expected) == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return Math.abs(actual - expected) / Math.ulp(expected);
    }
}
