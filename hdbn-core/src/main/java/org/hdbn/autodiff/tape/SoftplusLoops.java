package org.hdbn.autodiff.tape;

import java.util.Locale;

/**
 * The loops of {@link Pointwise#SOFTPLUS} over whole arrays. A Bayesian layer takes the softplus of
 * every rho on every step (HDBN's 50 group networks: 292,000 weights), and with {@link Math#exp}
 * and {@link Math#log} per entry that was the largest cost of a step outside the products (4.4 ms
 * forward and 1.5 ms backward per step on one thread here). Both implementations compute
 * {@link SoftplusMath}'s operations and give the same bits: {@link VectorSoftplus} a vector of
 * doubles at a time on the Vector API, where the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher and the tests are) on x86-64 or
 * AArch64; {@link ScalarSoftplus} one entry at a time elsewhere. {@code -Dhdbn.softplus=scalar}
 * forces the scalar loops (for measuring). See docs/performance.md, "Softplus on the Vector API".
 */
interface SoftplusLoops {

    /** The system property that forces the scalar loops ({@value}{@code =scalar}). */
    String PROPERTY = "hdbn.softplus";

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

    /**
     * Whether to take the vector loops: the Vector API module is present, the JVM runs on x86-64 or
     * AArch64 (where HotSpot compiles the Vector API to SIMD instructions; elsewhere it may run lane
     * by lane, slower than the scalar loops) and the property does not say {@code scalar}.
     */
    static boolean vectorWanted(boolean vectorModule, String arch, String property) {
        boolean simd = arch.toLowerCase(Locale.ROOT).matches("amd64|x86_64|aarch64");
        return vectorModule && simd && !"scalar".equals(property);
    }

    /** Whether the property's value is one it takes: unset, {@code scalar} or {@code vector}. */
    static boolean validProperty(String property) {
        return property == null || property.equals("scalar") || property.equals("vector");
    }

    /** The choice, made once, when a softplus first runs. */
    final class Preferred {
        static final SoftplusLoops LOOPS = choose();

        private Preferred() {
        }

        private static SoftplusLoops choose() {
            String property = System.getProperty(PROPERTY);
            if (!validProperty(property)) {
                // the choice changes the speed only, never a result: a warning, not a failed run
                System.err.println("hdbn: -D" + PROPERTY + " must be scalar or vector, got '" + property
                        + "'; choosing as if it were not set");
                property = null;
            }
            boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
            if (!vectorWanted(module, System.getProperty("os.arch", ""), property)) {
                return ScalarSoftplus.INSTANCE;
            }
            try {
                // by name: the class links against jdk.incubator.vector, absent without the module
                return (SoftplusLoops) Class.forName("org.hdbn.autodiff.tape.VectorSoftplus")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                return ScalarSoftplus.INSTANCE;
            }
        }
    }
}
