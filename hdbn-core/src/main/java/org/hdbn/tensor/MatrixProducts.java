package org.hdbn.tensor;

/**
 * Dense matrix products on row-major arrays, {@code C += op(A) op(B)} where op transposes on
 * request: op(A) is m x k, op(B) is k x n, C is m x n. Modifies only C, which must not alias A or B.
 * The same sizes always give the same sums in the same order, so results depend on the
 * implementation and the sizes, never on the thread that calls.
 *
 * <p>Two implementations: hdbn's own kernel ({@link Gemm}) and a reference BLAS
 * ({@link NetlibProducts}: OpenBLAS through JNI where the system has it). {@link #preferred()}
 * picks the faster one on this machine by a fixed rule, so a configuration always uses the same one.
 */
public interface MatrixProducts {

    /** A short name for reports: "gemm", "netlib-native (...)" and so on. */
    String name();

    /** {@code C += op(A) op(B)} in double precision. */
    void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c);

    /**
     * {@code C += A B} on parts of larger arrays: A the m x k row-major matrix at {@code a[aOffset]},
     * B row-major k x n, C the m x n row-major matrix at {@code c[cOffset]}.
     */
    void gemmAt(int m, int n, int k, double[] a, int aOffset, double[] b, double[] c, int cOffset);

    /** {@code C += op(A) op(B)} in single precision (sums in float). */
    void sgemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c);

    /**
     * Whether one instance may be called from several threads at once; when not, each caller
     * (a tape pass, an evaluation block) takes its own from {@link Choice#create()}.
     */
    boolean shared();

    /**
     * Which implementation products use: {@code native} BLAS when it loaded, else hdbn's
     * {@link Gemm}. Chosen by what is installed, never by a timing, so a machine and configuration
     * always compute with the same kernels (the measurements behind the rule are in
     * docs/performance.md). The system property {@code hdbn.products} ({@code gemm},
     * {@code netlib}) overrides it.
     */
    static Choice preferred() {
        String forced = System.getProperty("hdbn.products", "");
        return switch (forced) {
            case "gemm" -> Choice.GEMM;
            case "netlib" -> Choice.NETLIB;
            case "" -> NetlibProducts.nativeLoaded() ? Choice.NETLIB : Choice.GEMM;
            default -> throw new IllegalArgumentException("hdbn.products must be gemm or netlib, got '" + forced + "'");
        };
    }

    /** An implementation by name, making instances for callers that need their own. */
    enum Choice {
        /** hdbn's own kernel; one instance per thread (it keeps scratch arrays). */
        GEMM {
            @Override
            public MatrixProducts create() {
                return new GemmProducts();
            }
        },
        /** dev.ludovic.netlib's best BLAS: native through JNI, else its Java kernels. Stateless. */
        NETLIB {
            @Override
            public MatrixProducts create() {
                return NetlibProducts.best();
            }
        };

        /** An instance for one caller (shared implementations return the same one). */
        public abstract MatrixProducts create();
    }

    /** Refuses negative sizes, arrays too short and an output aliasing an input. */
    static void checkSizes(int m, int n, int k, int aLength, int bLength, int cLength, Object a, Object b, Object c) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative size: m " + m + ", n " + n + ", k " + k);
        }
        if ((long) m * k > aLength || (long) k * n > bLength || (long) m * n > cLength) {
            throw new IllegalArgumentException("arrays too short for m " + m + ", n " + n + ", k " + k + ": A "
                    + aLength + ", B " + bLength + ", C " + cLength);
        }
        if (c == a || c == b) {
            throw new IllegalArgumentException("C must not alias A or B");
        }
    }
}
