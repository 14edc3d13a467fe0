package org.hdbn.tensor;

import java.util.Arrays;

/** Shape arithmetic shared by tensors and engines: validation, sizes and row broadcasting. */
public final class Shape {

    private Shape() {
    }

    /** Validates a shape (rank 0 to 2, no negative extent) and returns a private copy. */
    public static int[] check(int... shape) {
        if (shape.length > 2) {
            throw new IllegalArgumentException("rank " + shape.length + " is not supported (0 to 2): "
                    + Arrays.toString(shape));
        }
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative extent in shape " + Arrays.toString(shape));
            }
        }
        return shape.clone();
    }

    public static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** Rows of the shape seen as a matrix (numpy alignment: a vector is one row). */
    public static int rows(int[] shape) {
        return shape.length == 2 ? shape[0] : 1;
    }

    /** Columns of the shape seen as a matrix. */
    public static int cols(int[] shape) {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    /**
     * The shape of an elementwise result under numpy broadcasting restricted to rank 2: shapes are
     * aligned on their last axis and an extent of 1 stretches to the other's.
     */
    public static int[] broadcast(int[] a, int[] b) {
        int rank = Math.max(a.length, b.length);
        int[] out = new int[rank];
        for (int k = 1; k <= rank; k++) {
            int da = k <= a.length ? a[a.length - k] : 1;
            int db = k <= b.length ? b[b.length - k] : 1;
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("shapes " + Arrays.toString(a) + " and "
                        + Arrays.toString(b) + " do not broadcast");
            }
            out[rank - k] = da == 1 ? db : da;
        }
        return out;
    }

    public static String toString(int[] shape) {
        return Arrays.toString(shape);
    }
}
