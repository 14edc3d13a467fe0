package org.hdbn.autodiff.tape;

/**
 * Softplus and its derivative from additions, multiplications, fused multiply-adds, divisions and
 * exponent bits only, so that {@link VectorSoftplus} can compute the very same operations on the
 * Vector API and give the same bits. The Vector API's own {@code EXP} and {@code LOG1P} cannot be
 * used: compiled, they are a SIMD library's and differ from {@link Math#exp} by an ulp or so, but
 * until the JIT compiles a loop they run lane by lane on Java's, so a result would depend on when
 * the JIT got there (a resumed run did not reproduce an uninterrupted one).
 *
 * <p>{@code softplus(x) = max(x, 0) + log1p(e^-|x|)}, and its derivative is {@code e^(x - y)}
 * with {@code y = softplus(x)}; both exponents are at most 0, so the two functions are needed on
 * small domains only:
 * <ul>
 * <li>{@link #expNonPositive}: {@code e^z = 2^n e^r} with {@code n} the nearest integer to
 *     {@code z / ln 2}, {@code r = z - n ln 2} ({@code ln 2} in two parts, as fdlibm), {@code e^r}
 *     by its Taylor series to degree 13 (the first term left out is below 5e-18 on
 *     {@code |r| <= ln 2 / 2}), and {@code 2^n} as two powers of two, so that results below the
 *     normal range round once, as subnormals, and the smallest underflow to 0;</li>
 * <li>{@link #log1pUnit}: {@code log1p(t)} for {@code 0 <= t <= 1} as {@code log(u) + d / u} with
 *     {@code u = 1 + t} rounded and {@code d} its rounding error (exact), and {@code log(u)} by
 *     fdlibm's {@code e_log.c} (its reduction to {@code [sqrt(2)/2, sqrt(2)]} and its polynomial,
 *     error below an ulp); its quotient {@code s = f / (2 + f)} and {@code d / u} share one
 *     division, {@code 1 / (u (2 + f))}, which costs s an ulp or two that the polynomial's terms
 *     make negligible.</li>
 * </ul>
 * {@code SoftplusLoopsTest} holds both against {@link StrictMath} and the loops against each other.
 */
final class SoftplusMath {

    static final double LOG2E = 1.4426950408889634;
    /** 1.5 * 2^52: adding it rounds a double of magnitude below 2^51 to an integer, kept in the low bits. */
    static final double SHIFT = 0x1.8p52;
    static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
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

    private SoftplusMath() {
    }

    /** {@code log(1 + e^x)}. */
    static double softplus(double x) {
        return Math.max(x, 0.0) + log1pUnit(expNonPositive(-Math.abs(x)));
    }

    /** {@code g e^(x - y)}, the gradient through {@code y = softplus(x)} ({@code x - y <= 0}). */
    static double gradient(double x, double y, double g) {
        return g * expNonPositive(x - y);
    }

    /** {@code e^z} for {@code z <= 0} (and NaN for NaN). */
    static double expNonPositive(double z) {
        double c = Math.max(z, LOWEST);
        double shifted = Math.fma(c, LOG2E, SHIFT);
        double n = shifted - SHIFT;
        double r = Math.fma(-n, LN2_HI, c);
        r = Math.fma(-n, LN2_LO, r);
        double p = TAYLOR[13];
        for (int i = 12; i >= 0; i--) {
            p = Math.fma(p, r, TAYLOR[i]);
        }
        long bits = Double.doubleToRawLongBits(shifted) - SHIFT_BITS;
        long half = bits >> 1;
        return p * Double.longBitsToDouble((half + 1023) << 52) * Double.longBitsToDouble((bits - half + 1023) << 52);
    }

    /** {@code log(1 + t)} for {@code 0 <= t <= 1} (and NaN for NaN). */
    static double log1pUnit(double t) {
        double u = 1 + t;
        double d = t - (u - 1);
        boolean upper = u > SQRT2;
        double m = upper ? u * 0.5 : u;
        double e = upper ? 1.0 : 0.0;
        double f = m - 1;
        // one division for both quotients, s = f / (2 + f) and d / u (divisions bound the vector loop)
        double twoF = 2 + f;
        double q = 1 / (u * twoF);
        double s = f * u * q;
        double z = s * s;
        double w = z * z;
        double t1 = w * Math.fma(w, Math.fma(w, LG6, LG4), LG2);
        double t2 = z * Math.fma(w, Math.fma(w, Math.fma(w, LG7, LG5), LG3), LG1);
        double r = t2 + t1;
        double hfsq = 0.5 * f * f;
        double logM = e * LN2_HI - ((hfsq - (s * (hfsq + r) + e * LN2_LO)) - f);
        return logM + d * twoF * q;
    }
}
