package org.hdbn.tensor;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import dev.ludovic.netlib.blas.NativeBLAS;

/**
 * Matrix products through dev.ludovic.netlib's BLAS (the one Spark MLlib uses): the system's BLAS
 * (OpenBLAS on Debian's {@code libopenblas0-pthread}) through JNI when it loads, else netlib's Java
 * kernels (the Vector API one when the JVM runs with {@code --add-modules jdk.incubator.vector}).
 *
 * <p>BLAS is column-major; a row-major C = op(A) op(B) is the column-major C^T = op(B)^T op(A)^T,
 * so each call swaps the operands and passes the row-major arrays as they are.
 *
 * <p>The JNI path is only tried where {@link SystemBlas} finds OpenBLAS (or the library netlib's
 * properties name), so a machine with Debian's slow reference {@code libblas3} keeps hdbn's kernel.
 * Why the JNI path may not load: netlib's {@code libnetlibblasjni.so} (inside the jar) looks up
 * f2j's {@code org.netlib.util} classes when it loads (they come with {@code arpack_combined_all},
 * a dependency of netlib that a hand-built class path easily misses), then {@code dlopen}s
 * {@code libblas.so.3} (or the library named by the system property
 * {@code dev.ludovic.netlib.blas.nativeLib}, a full path in {@code ...nativeLibPath}); either
 * failing gives netlib's "Failed to load implementation from: ...JNIBLAS". Both cases fall back
 * to the Java kernels.
 */
public final class NetlibProducts implements MatrixProducts {

    private final BLAS blas;
    private final String name;

    private NetlibProducts(BLAS blas, String name) {
        this.blas = blas;
        this.name = name;
    }

    /** Native BLAS when it loads, else netlib's best Java kernels (one instance per process). */
    public static NetlibProducts best() {
        return Best.INSTANCE;
    }

    /**
     * The choice, made once: it looks for the library on disk, and a tape asks for its products on
     * every pass. (netlib itself loads its implementations once per process.)
     */
    private static final class Best {
        static final boolean NATIVE = SystemBlas.usable().isPresent() && loads();
        static final NetlibProducts INSTANCE = NATIVE ? nativeBlas() : java();

        private static boolean loads() {
            try {
                NativeBLAS.getInstance();
                return true;
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }

    /** netlib's Java kernels (Vector API on JDK 16+ with the incubator module, else plain loops). */
    public static NetlibProducts java() {
        BLAS b = JavaBLAS.getInstance();
        return new NetlibProducts(b, "netlib-java (" + b.getClass().getSimpleName() + ")");
    }

    /** The system's BLAS through JNI; throws when it did not load (see the class comment). */
    public static NetlibProducts nativeBlas() {
        BLAS b = NativeBLAS.getInstance();
        return new NetlibProducts(b, "netlib-native (" + b.getClass().getSimpleName() + ", "
                + SystemBlas.usable().map(p -> p + " = " + realPath(p)).orElse("?") + ")");
    }

    /**
     * Whether the system's BLAS loaded through JNI (netlib tries once per process). Only tried when
     * {@link SystemBlas#usable()} finds OpenBLAS (or the library netlib's properties name).
     */
    public static boolean nativeLoaded() {
        return Best.NATIVE;
    }

    private static String realPath(java.nio.file.Path p) {
        try {
            return p.toRealPath().toString();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /**
     * {@code y[offset + j] += x[j]} for every j of x: BLAS's daxpy with alpha 1, the same bits as that
     * loop. A loop in Java over a row at an offset runs at about a third of daxpy's speed here (a
     * 6,180-entry row: 4.4 against 1.4 microseconds).
     */
    public void addTo(double[] x, double[] y, int offset) {
        if (offset < 0 || offset > y.length - x.length) {
            throw new IllegalArgumentException("adding " + x.length + " values at " + offset + " of " + y.length);
        }
        blas.daxpy(x.length, 1.0, x, 0, 1, y, offset, 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
        MatrixProducts.checkSizes(m, n, k, a.length, b.length, c.length, a, b, c);
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        blas.dgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0, b, transB ? k : n, a, transA ? m : k, 1.0,
                c, n);
    }

    @Override
    public void gemmAt(int m, int n, int k, double[] a, int aOffset, double[] b, double[] c, int cOffset) {
        Gemm.checkOffsets(m, n, k, a, aOffset, b, c, cOffset);
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        blas.dgemm("N", "N", n, m, k, 1.0, b, 0, n, a, aOffset, k, 1.0, c, cOffset, n);
    }

    @Override
    public void sgemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
        MatrixProducts.checkSizes(m, n, k, a.length, b.length, c.length, a, b, c);
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        blas.sgemm(transB ? "T" : "N", transA ? "T" : "N", n, m, k, 1.0f, b, transB ? k : n, a, transA ? m : k, 1.0f,
                c, n);
    }
}
