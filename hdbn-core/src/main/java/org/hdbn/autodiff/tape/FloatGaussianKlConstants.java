package org.hdbn.autodiff.tape;

/** {@link GaussianKlConstants} for a float: 23 bits of mantissa below 8 of exponent. */
final class FloatGaussianKlConstants {

    static final int MANTISSA = 0x007f_ffff;
    static final int EXPONENT_OF_ONE = Float.floatToRawIntBits(1f);
    static final int EXPONENT_SHIFT = 23;
    static final int EXPONENT_MAX = 0xff;
    static final int EXPONENT_BIAS = 127;
    static final float LN2 = (float) Math.log(2);
    /**
     * Sixteen lanes, one vector of 512 bits as the softplus loops use (code that mixes vector
     * shapes of one element type pollutes the JIT's type profiles and leaves vectors boxed); seven
     * entries a lane before a logarithm, so all lanes' products stay below 2^112, inside float's
     * 2^128.
     */
    static final int LANES = 16;
    static final int CHUNK = 7;

    private FloatGaussianKlConstants() {
    }
}
