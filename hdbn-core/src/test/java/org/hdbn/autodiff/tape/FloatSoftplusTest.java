package org.hdbn.autodiff.tape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The single-precision softplus (generated from {@link SoftplusMath}, {@link ScalarSoftplus} and
 * {@link VectorSoftplus} with {@link FloatSoftplusConstants}) against the double one, which
 * {@code SoftplusLoopsTest} holds within two ulps of {@link StrictMath}: each function within two
 * float ulps of the double result, and the float vector loops giving the float scalar loops' bits.
 */
class FloatSoftplusTest {

    private static final float[] EDGES = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-30f, -1e-30f, 1e-4f, -1e-4f,
        0.3465736f, -0.3465736f, 0.8813736f, -0.8813736f, 1, -1, 9, -9, 17, -17, 87, -87, 103.9f, -103.9f, 104, -104, 150,
        -150, 200, -200, 1e30f, -1e30f, Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.NaN};

    @Test
    void eachFunctionIsWithinTwoFloatUlpsOfTheDoubleOne() {
        UniformRandomProvider rng = RandomStreams.create(44);
        for (int i = 0; i < 200_000; i++) {
            float z = (float) (i % 2 == 0 ? -110 * rng.nextDouble() : -80 - 25 * rng.nextDouble());
            within("e^" + z, FloatSoftplusMath.expNonPositive(z), SoftplusMath.expNonPositive(z), 2);
            float t = (float) (i % 2 == 0 ? rng.nextDouble() : Math.pow(10, -40 * rng.nextDouble()));
            within("log1p(" + t + ")", FloatSoftplusMath.log1pUnit(t), SoftplusMath.log1pUnit(t), 2);
            float x = (float) (80 * (rng.nextDouble() - 0.5));
            float y = FloatSoftplusMath.softplus(x);
            within("softplus(" + x + ")", y, SoftplusMath.softplus(x), 2);
            // the gradient's exponent x - y carries y's rounding: an absolute error h there is a
            // relative error h in e^(x - y)
            double sigmoid = SoftplusMath.gradient(x, SoftplusMath.softplus(x), 1.0);
            double h = Math.ulp(y) + Math.ulp(x - y);
            assertThat(Math.abs(FloatSoftplusMath.gradient(x, y, 1f) - sigmoid)).as("sigmoid(%s)", x)
                    .isLessThanOrEqualTo(2 * Math.ulp((float) sigmoid) + h * sigmoid);
        }
        for (float e : EDGES) {
            if (Float.isFinite(e) && e < 1e30f) {
                within("softplus(" + e + ")", FloatSoftplusMath.softplus(e), SoftplusMath.softplus(e), 2);
            }
        }
        assertThat(FloatSoftplusMath.softplus(1e30f)).isEqualTo(1e30f);
        assertThat(FloatSoftplusMath.softplus(Float.POSITIVE_INFINITY)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(FloatSoftplusMath.softplus(Float.NaN)).isNaN();
        assertThat(FloatSoftplusMath.softplus(Float.NEGATIVE_INFINITY)).isZero();
        assertThat(FloatSoftplusMath.expNonPositive(-104)).isZero();
        assertThat(FloatSoftplusMath.expNonPositive(-103.9f)).isEqualTo(Float.MIN_VALUE);
    }

    private static void within(String what, float actual, double expected, int ulps) {
        assertThat((double) Math.abs(actual - expected)).as(what + " = " + actual + ", double " + expected)
                .isLessThanOrEqualTo(ulps * (double) Math.ulp((float) expected));
    }

    @Test
    void floatVectorLoopsGiveTheFloatScalarLoopsBits() {
        assumeTrue(FloatSoftplusLoops.preferred() instanceof FloatVectorSoftplus,
                "the vector loops run only with the jdk.incubator.vector module");
        UniformRandomProvider rng = RandomStreams.create(45);
        FloatSoftplusLoops vector = FloatSoftplusLoops.preferred();
        // past two vectors of 16 floats, so that every tail length is covered
        // and one length past the backward's scratch blocks of 1024, not a multiple of them
        for (int extra : java.util.stream.IntStream.concat(java.util.stream.IntStream.rangeClosed(0, 40),
                java.util.stream.IntStream.of(2500)).toArray()) {
            float[] x = java.util.Arrays.copyOf(EDGES, EDGES.length + extra);
            DoubleUnaryOperator draw = k -> k % 2 == 0 ? -5 + 4 * (rng.nextDouble() - 0.5) : 30 * (rng.nextDouble() - 0.5);
            for (int k = EDGES.length; k < x.length; k++) {
                x[k] = (float) draw.applyAsDouble(k);
            }
            float[] g = floats(rng, x.length);
            float[] start = floats(rng, x.length);
            // twice cold, then once the JIT has compiled the loops: the bits must not depend on it
            for (int pass = 0; pass < 3; pass++) {
                float[] y = forward(FloatScalarSoftplus.INSTANCE, x);
                assertThat(bits(forward(vector, x))).as("softplus of %d entries", x.length).isEqualTo(bits(y));
                assertThat(bits(backward(vector, x, y, g, start))).as("gradient of %d entries", x.length)
                        .isEqualTo(bits(backward(FloatScalarSoftplus.INSTANCE, x, y, g, start)));
                for (int warm = 0; pass == 1 && warm < 2_000; warm++) {
                    backward(vector, x, forward(vector, x), g, start);
                }
            }
        }
    }

    private static float[] forward(FloatSoftplusLoops loops, float[] x) {
        float[] y = new float[x.length];
        loops.forward(x, y);
        return y;
    }

    /** The gradient added to a copy of {@code start}. */
    private static float[] backward(FloatSoftplusLoops loops, float[] x, float[] y, float[] g, float[] start) {
        float[] gx = start.clone();
        loops.backward(x, y, g, gx);
        return gx;
    }

    private static float[] floats(UniformRandomProvider rng, int n) {
        float[] f = new float[n];
        for (int k = 0; k < n; k++) {
            f[k] = (float) (rng.nextDouble() - 0.5);
        }
        return f;
    }

    private static int[] bits(float[] values) {
        int[] out = new int[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = Float.floatToIntBits(values[k]);
        }
        return out;
    }
}
