package org.hdbn.autodiff.tape;

/** {@link SoftplusMath} for the single-precision tape: computed in double, rounded once to float. */
final class FloatSoftplusMath {

    private FloatSoftplusMath() {
    }

    /** {@code log(1 + e^x)}. */
    static float softplus(float x) {
        return (float) SoftplusMath.softplus(x);
    }
}
