package org.hdbn.autodiff.tape;

import org.hdbn.tensor.VectorApi;

/**
 * The loops of {@link Pointwise#SOFTPLUS} over whole arrays. A Bayesian layer takes the softplus of
 * every rho on every step (HDBN's 50 group networks: 292,000 weights), and with {@link Math#exp}
 * and {@link Math#log} per entry that was the largest cost of a step outside the products (4.4 ms
 * forward and 1.5 ms backward per step on one thread here). Both implementations compute
 * {@link SoftplusMath}'s operations and give the same bits: {@link VectorSoftplus} a vector of
 * doubles at a time on the Vector API, where the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher and the tests are) on x86-64 or
 * AArch64 ({@link VectorApi}); {@link ScalarSoftplus} one entry at a time elsewhere. See
 * docs/performance.md, "Softplus on the Vector API".
 */
interface SoftplusLoops {

    /** {@code y = log(1 + e^x)} for every entry; x and y have one length. */
    void forward(double[] x, double[] y);

    /** {@code gx += g * sigmoid(x)} for every entry, given the forward's output y. */
    void backward(double[] x, double[] y, double[] g, double[] gx);

    /** What runs, for reports. */
    String name();

    /** The loops this process uses (chosen on first use). */
    static SoftplusLoops preferred() {
        return Preferred.LOOPS;
    }

    /** The choice, made once, when a softplus first runs. */
    final class Preferred {
        static final SoftplusLoops LOOPS = VectorApi.load("org.hdbn.autodiff.tape.VectorSoftplus", SoftplusLoops.class,
                ScalarSoftplus.INSTANCE);

        private Preferred() {
        }
    }
}
