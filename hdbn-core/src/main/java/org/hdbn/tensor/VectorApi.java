package org.hdbn.tensor;

import java.util.Locale;

/**
 * Whether this process runs hdbn's Vector API kernels, and loading them. A kernel class that uses
 * {@code jdk.incubator.vector} links only where the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (the launcher and the tests are), so it is loaded by
 * name, with a scalar twin as the fallback. Every such kernel computes exactly its twin's
 * operations (additions, multiplications, comparisons, ...), so the choice changes the speed and
 * never a result. {@code -Dhdbn.vector=scalar} forces the scalar twins, for measuring.
 */
public final class VectorApi {

    /** The system property: {@code scalar} forces the scalar kernels, {@code vector} is the default. */
    public static final String PROPERTY = "hdbn.vector";

    private VectorApi() {
    }

    /**
     * The kernel class {@code className} (package-private classes allowed, with a no-argument
     * constructor) when the vector kernels run here, else {@code fallback}.
     */
    public static <T> T load(String className, Class<T> type, T fallback) {
        if (!Choice.VECTOR) {
            return fallback;
        }
        try {
            var constructor = Class.forName(className).asSubclass(type).getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return fallback;
        }
    }

    /** Whether the vector kernels run in this process. */
    public static boolean enabled() {
        return Choice.VECTOR;
    }

    /**
     * Whether to take the vector kernels: the module is present, the JVM runs on x86-64 or AArch64
     * (where HotSpot compiles the Vector API to SIMD instructions; elsewhere it may run lane by lane,
     * slower than the scalar twins) and the property does not say {@code scalar}.
     */
    static boolean wanted(boolean vectorModule, String arch, String property) {
        boolean simd = arch.toLowerCase(Locale.ROOT).matches("amd64|x86_64|aarch64");
        return vectorModule && simd && !"scalar".equals(property);
    }

    /** Whether the property's value is one it takes: unset, {@code scalar} or {@code vector}. */
    static boolean validProperty(String property) {
        return property == null || property.equals("scalar") || property.equals("vector");
    }

    /** The choice, made once, when a kernel is first loaded. */
    private static final class Choice {
        static final boolean VECTOR = choose();

        private static boolean choose() {
            String property = System.getProperty(PROPERTY);
            if (!validProperty(property)) {
                // the choice changes the speed only, never a result: a warning, not a failed run
                System.err.println("hdbn: -D" + PROPERTY + " must be scalar or vector, got '" + property
                        + "'; choosing as if it were not set");
                property = null;
            }
            boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
            return wanted(module, System.getProperty("os.arch", ""), property);
        }
    }
}
