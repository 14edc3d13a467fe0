package org.hdbn.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * The content of a .npy file of rank 1 or 2 in C (row-major) order: its dtype, its shape and its
 * elements, floats widened to {@code double}, integers held as {@code int}. The arrays are not
 * copied; callers must not mutate them after construction.
 */
public sealed interface NpyArray permits NpyArray.Floats, NpyArray.Ints {

    NpyDtype dtype();

    int[] shape();

    /** Number of dimensions, 1 or 2. */
    default int rank() {
        return shape().length;
    }

    /** Elements of a float dtype, row-major. */
    record Floats(NpyDtype dtype, int[] shape, double[] data) implements NpyArray {
        public Floats {
            check(dtype, true, shape, data.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Floats f && dtype == f.dtype && Arrays.equals(shape, f.shape)
                    && Arrays.equals(data, f.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "NpyArray.Floats[" + dtype.descr() + " " + Arrays.toString(shape) + "]";
        }
    }

    /** Elements of an integer dtype, row-major; 8-byte values must fit in an {@code int}. */
    record Ints(NpyDtype dtype, int[] shape, int[] data) implements NpyArray {
        public Ints {
            check(dtype, false, shape, data.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ints f && dtype == f.dtype && Arrays.equals(shape, f.shape)
                    && Arrays.equals(data, f.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(dtype, Arrays.hashCode(shape), Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "NpyArray.Ints[" + dtype.descr() + " " + Arrays.toString(shape) + "]";
        }
    }

    /** A rank-1 array of {@code <f8}. */
    static Floats ofDoubles(double[] data) {
        return new Floats(NpyDtype.FLOAT64_LE, new int[] {data.length}, data);
    }

    /** A rank-1 array of {@code <i4}. */
    static Ints ofInts(int[] data) {
        return new Ints(NpyDtype.INT32_LE, new int[] {data.length}, data);
    }

    /** A rank-2 array of the given float dtype holding the rows of {@code matrix}, which must all have the same length. */
    static Floats ofMatrix(NpyDtype dtype, double[][] matrix) {
        int cols = matrix.length == 0 ? 0 : matrix[0].length;
        double[] flat = new double[matrix.length * cols];
        for (int r = 0; r < matrix.length; r++) {
            if (matrix[r].length != cols) {
                throw new IllegalArgumentException("ragged matrix: row 0 has " + cols + " columns, row "
                        + r + " has " + matrix[r].length);
            }
            System.arraycopy(matrix[r], 0, flat, r * cols, cols);
        }
        return new Floats(dtype, new int[] {matrix.length, cols}, flat);
    }

    private static void check(NpyDtype dtype, boolean floating, int[] shape, int length) {
        Objects.requireNonNull(dtype, "dtype");
        if (dtype.isFloat() != floating) {
            throw new IllegalArgumentException("dtype " + dtype.descr() + " does not hold "
                    + (floating ? "floats" : "integers"));
        }
        if (shape.length < 1 || shape.length > 2) {
            throw new IllegalArgumentException("rank must be 1 or 2, got shape " + Arrays.toString(shape));
        }
        long size = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            size *= d;
        }
        if (size != length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size
                    + " elements, data has " + length);
        }
    }
}
