package org.hdbn.autodiff.tape;

/** {@link GaussianKlConstants} for a float: 23 bits of mantissa below 8 of exponent. */
final class FloatGaussianKlConstants {

    static final int MANTISSA = 0x007f_ffff;
    static final int EXPONENT_OF_ONE = Float.floatToRawIntBits(1f);
    static final int EXPONENT_SHIFT = 23;
    static final int EXPONENT_MAX = 0xff;
    static final int EXPONENT_BIAS = 127;
    static final float LN2 = (float) Math.log(2);

    private FloatGaussianKlConstants() {
    }
}
