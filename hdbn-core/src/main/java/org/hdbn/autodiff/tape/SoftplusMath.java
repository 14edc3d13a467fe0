package org.hdbn.autodiff.tape;

import static org.hdbn.autodiff.tape.SoftplusConstants.EXPONENT_BIAS;
import static org.hdbn.autodiff.tape.SoftplusConstants.LG1;
import static org.hdbn.autodiff.tape.SoftplusConstants.LG2;
import static org.hdbn.autodiff.tape.SoftplusConstants.LG3;
import static org.hdbn.autodiff.tape.SoftplusConstants.LG4;
import static org.hdbn.autodiff.tape.SoftplusConstants.LG5;
import static org.hdbn.autodiff.tape.SoftplusConstants.LG6;
import static org.hdbn.autodiff.tape.SoftplusConstants.LG7;
import static org.hdbn.autodiff.tape.SoftplusConstants.LN2_HI;
import static org.hdbn.autodiff.tape.SoftplusConstants.LN2_LO;
import static org.hdbn.autodiff.tape.SoftplusConstants.LOG2E;
import static org.hdbn.autodiff.tape.SoftplusConstants.LOWEST;
import static org.hdbn.autodiff.tape.SoftplusConstants.MANTISSA_BITS;
import static org.hdbn.autodiff.tape.SoftplusConstants.SHIFT;
import static org.hdbn.autodiff.tape.SoftplusConstants.SHIFT_BITS;
import static org.hdbn.autodiff.tape.SoftplusConstants.SQRT2;
import static org.hdbn.autodiff.tape.SoftplusConstants.TAYLOR;

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
        double p = TAYLOR[TAYLOR.length - 1];
        for (int i = TAYLOR.length - 2; i >= 0; i--) {
            p = Math.fma(p, r, TAYLOR[i]);
        }
        long bits = Double.doubleToRawLongBits(shifted) - SHIFT_BITS;
        long half = bits >> 1;
        return p * Double.longBitsToDouble((half + EXPONENT_BIAS) << MANTISSA_BITS)
                * Double.longBitsToDouble((bits - half + EXPONENT_BIAS) << MANTISSA_BITS);
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
