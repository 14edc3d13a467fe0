package org.hdbn.autodiff.tape;

/**
 * The constants of {@link SoftplusMath} and {@link VectorSoftplus} in double precision: fdlibm's
 * (e_exp.c, e_log.c) and the Taylor coefficients of {@code e^r} to degree 13.
 * {@code FloatSoftplusConstants} holds the single-precision ones, for their generated float twins.
 */
final class SoftplusConstants {

    private SoftplusConstants() {
    }

    static final double LOG2E = 1.4426950408889634;
    /** 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer, kept in the low bits. */
    static final double SHIFT = 0x1.8p52;
    static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    /** The exponent field of 2^n is n + EXPONENT_BIAS, stored above the mantissa's bits. */
    static final long EXPONENT_BIAS = 1023;
    static final int MANTISSA_BITS = 52;
    /** Below this, e^z is 0 (it underflows below -745.2); clamping keeps n far from overflowing the exponent. */
    static final double LOWEST = -1100;
    static final double LN2_HI = 6.93147180369123816490e-01;
    static final double LN2_LO = 1.90821492927058770002e-10;
    static final double[] TAYLOR = {
        1.0, 1.0, 0.5, 0.16666666666666666, 0.041666666666666664, 0.008333333333333333, 0.001388888888888889,
        0.0001984126984126984, 2.48015873015873e-05, 2.7557319223985893e-06, 2.755731922398589e-07,
        2.505210838544172e-08, 2.08767569878681e-09, 1.6059043836821613e-10,
    };
    static final double SQRT2 = 1.4142135623730951;
    static final double LG1 = 6.666666666666735130e-01;
    static final double LG2 = 3.999999999940941908e-01;
    static final double LG3 = 2.857142874366239149e-01;
    static final double LG4 = 2.222219843214978396e-01;
    static final double LG5 = 1.818357216161805012e-01;
    static final double LG6 = 1.531383769920937332e-01;
    static final double LG7 = 1.479819860511658591e-01;
}
