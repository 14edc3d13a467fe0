package org.hdbn.autodiff.tape;

/**
 * {@link SoftplusConstants} in single precision, for the float twins of {@link SoftplusMath} and
 * {@link VectorSoftplus} (generated at build time, see {@link Precision}), as bit patterns where
 * fdlibm gives them: its float splitting of ln 2 (e_expf.c) and its float polynomial for the
 * logarithm (e_logf.c, four coefficients: the three higher ones of the double polynomial are 0
 * here, so the same Horner scheme computes the float one), and the Taylor series of {@code e^r} to degree 7 (the first term
 * left out is below 6e-9 on {@code |r| <= ln 2 / 2}, under float's round-off of 6e-8).
 */
final class FloatSoftplusConstants {

    static final float LOG2E = Float.intBitsToFloat(0x3fb8aa3b);
    /** 1.5 * 2^23: adding it rounds a float of magnitude below 2^22 to an integer, kept in the low bits. */
    static final float SHIFT = 0x1.8p23f;
    static final int SHIFT_BITS = Float.floatToRawIntBits(SHIFT);
    /** The exponent field of 2^n is n + EXPONENT_BIAS, stored above the mantissa's bits. */
    static final int EXPONENT_BIAS = 127;
    static final int MANTISSA_BITS = 23;
    /**
     * Below this, e^z is 0 in float (it underflows below -103.97); n stays above -252, so both
     * halves of 2^n are normal floats.
     */
    static final float LOWEST = -150;
    /** ln 2 in two parts, the first with 15 significant bits, so n times it is exact for |n| < 512. */
    static final float LN2_HI = Float.intBitsToFloat(0x3f317200);
    static final float LN2_LO = Float.intBitsToFloat(0x35bfbe8e);
    static final float[] TAYLOR = {
        1.0f, 1.0f, 0.5f, 1.0f / 6, 1.0f / 24, 1.0f / 120, 1.0f / 720, 1.0f / 5040,
    };
    static final float SQRT2 = Float.intBitsToFloat(0x3fb504f3);
    static final float LG1 = Float.intBitsToFloat(0x3f2aaaaa);
    static final float LG2 = Float.intBitsToFloat(0x3eccce13);
    static final float LG3 = Float.intBitsToFloat(0x3e91e9ee);
    static final float LG4 = Float.intBitsToFloat(0x3e789e26);
    static final float LG5 = 0;
    static final float LG6 = 0;
    static final float LG7 = 0;

    private FloatSoftplusConstants() {
    }
}
