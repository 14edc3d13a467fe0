package org.hdbn.autodiff.tape;

/**
 * The layout of a double that {@link GaussianKlRows} takes apart: a ratio's binary exponent and
 * its mantissa, moved to [1, 2). {@code FloatGaussianKlConstants} holds a float's, for the
 * generated float twins of the KL's lanes.
 */
final class GaussianKlConstants {

    static final long MANTISSA = 0x000f_ffff_ffff_ffffL;
    static final long EXPONENT_OF_ONE = 0x3ff0_0000_0000_0000L;
    /** Where the exponent field starts, its largest value (infinities and NaN) and its bias. */
    static final int EXPONENT_SHIFT = 52;
    static final int EXPONENT_MAX = 0x7ff;
    static final int EXPONENT_BIAS = 1023;
    static final double LN2 = Math.log(2);
    /** {@link GaussianKlRows#LANES} and {@link GaussianKlRows#CHUNK} for doubles. */
    static final int LANES = 8;
    static final int CHUNK = 32;

    private GaussianKlConstants() {
    }
}
