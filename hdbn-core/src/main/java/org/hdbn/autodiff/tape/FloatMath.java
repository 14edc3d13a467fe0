package org.hdbn.autodiff.tape;

/**
 * The functions of {@link Math} that the tape calls and that {@link Math} has for double only,
 * returning float: the single-precision tape's code (generated, see {@link Precision}) calls these
 * where the original calls {@link Math}. Each computes in double and rounds once, so a result is
 * the float nearest the double one.
 */
final class FloatMath {

    private FloatMath() {
    }

    static float sqrt(float x) {
        return (float) Math.sqrt(x);
    }

    static float exp(float x) {
        return (float) Math.exp(x);
    }

    static float log(float x) {
        return (float) Math.log(x);
    }

    static float log1p(float x) {
        return (float) Math.log1p(x);
    }

    static float tanh(float x) {
        return (float) Math.tanh(x);
    }

    static float ceil(float x) {
        return (float) Math.ceil(x);
    }
}
