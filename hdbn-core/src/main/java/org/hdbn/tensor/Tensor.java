package org.hdbn.tensor;

import java.util.Arrays;

/**
 * A dense, row-major array of doubles with a shape of rank 0 (a scalar), 1 (a vector) or 2 (a
 * matrix whose rows are a batch). Plain data: it records no computation.
 *
 * <p>The backing array is shared, not copied, by {@link #of(double[], int...)} and {@link #data()}:
 * this keeps kernels allocation-free. Callers that need an independent value use {@link #copy()}.
 */
public final class Tensor {

    private final int[] shape;
    private final double[] data;

    private Tensor(double[] data, int[] shape) {
        this.shape = shape;
        this.data = data;
    }

    /** Wraps {@code data} (not copied) with the given shape; the sizes must agree. */
    public static Tensor of(double[] data, int... shape) {
        int[] s = Shape.check(shape);
        if (Shape.size(s) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(s) + " holds "
                    + Shape.size(s) + " values, data has " + data.length);
        }
        return new Tensor(data, s);
    }

    public static Tensor zeros(int... shape) {
        int[] s = Shape.check(shape);
        return new Tensor(new double[Shape.size(s)], s);
    }

    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, new int[0]);
    }

    public static Tensor vector(double... values) {
        return new Tensor(values, new int[] {values.length});
    }

    /** A matrix from rows of equal length (copied). */
    public static Tensor matrix(double[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        double[] d = new double[rows.length * cols];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length
                        + " values, row 0 has " + cols);
            }
            System.arraycopy(rows[r], 0, d, r * cols, cols);
        }
        return new Tensor(d, new int[] {rows.length, cols});
    }

    public int rank() {
        return shape.length;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public int size() {
        return data.length;
    }

    /** Rows when seen as a matrix: a vector or a scalar is one row. */
    public int rows() {
        return shape.length == 2 ? shape[0] : 1;
    }

    /** Columns when seen as a matrix: a vector's length, 1 for a scalar. */
    public int cols() {
        return shape.length == 0 ? 1 : shape[shape.length - 1];
    }

    /** The backing array, shared: writes to it change this tensor. */
    public double[] data() {
        return data;
    }

    public double get(int index) {
        return data[index];
    }

    public double get(int row, int col) {
        return data[row * cols() + col];
    }

    /** The single value of a tensor holding one value. */
    public double item() {
        if (data.length != 1) {
            throw new IllegalStateException("item() of a tensor of shape " + Arrays.toString(shape));
        }
        return data[0];
    }

    /** A copy of one row. */
    public double[] row(int r) {
        int c = cols();
        return Arrays.copyOfRange(data, r * c, r * c + c);
    }

    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** The same values (shared) seen with another shape of the same size. */
    public Tensor reshape(int... newShape) {
        return of(data, newShape);
    }

    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        String values = data.length <= 12 ? Arrays.toString(data)
                : Arrays.toString(Arrays.copyOf(data, 12)).replace("]", ", ...]");
        return "Tensor" + Arrays.toString(shape) + values;
    }
}
