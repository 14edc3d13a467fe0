package org.hdbn.io;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Reads and writes NumPy {@code .npy} files: format versions 1.0, 2.0 and 3.0, the dtypes of
 * {@link NpyDtype}, C order, rank 1 and 2. Reading refuses anything it cannot represent exactly
 * (other dtypes, Fortran order, a data section shorter or longer than the header declares) with
 * a {@link DataFormatException} naming the file. Writing is atomic (see {@link AtomicFiles}) and
 * produces the same bytes {@code numpy.save} does.
 */
public final class Npy {

    /** Passed as an expected length or column count: any value is accepted. */
    public static final int ANY = -1;

    private Npy() {
    }

    /** The array stored in {@code file}, in its own dtype. */
    public static NpyArray read(Path file) {
        return parse(FileBytes.read(file), file.toString());
    }

    /** The array stored in {@code bytes}, the content of a .npy file; {@code source} names it in errors. */
    public static NpyArray parse(byte[] bytes, String source) {
        NpyHeader header = NpyHeader.parse(bytes, source);
        NpyDtype dtype = NpyDtype.fromDescr(header.descr()).orElseThrow(() -> new DataFormatException(
                source + ": unsupported dtype '" + header.descr() + "' (expected one of "
                        + NpyDtype.listOf(true) + ", " + NpyDtype.listOf(false) + ")"));
        if (header.fortranOrder()) {
            throw new DataFormatException(source + ": fortran_order is True; only C order is supported "
                    + "(save numpy.ascontiguousarray(a))");
        }
        long[] dims = header.shape();
        if (dims.length < 1 || dims.length > 2) {
            throw new DataFormatException(source + ": unsupported rank " + dims.length + " (shape "
                    + shapeText(dims) + "); expected rank 1 or 2");
        }
        long count = 1;
        for (long d : dims) {
            count *= d;
            if (count > Integer.MAX_VALUE - 8) {
                throw new DataFormatException(source + ": shape " + shapeText(dims) + " is too large to load");
            }
        }
        long expected = count * dtype.width();
        long available = bytes.length - (long) header.dataOffset();
        if (available < expected) {
            throw new DataFormatException(source + ": truncated: the header declares shape " + shapeText(dims)
                    + " of " + dtype.descr() + " = " + expected + " data bytes, the file has " + available);
        }
        if (available > expected) {
            throw new DataFormatException(source + ": " + (available - expected) + " bytes of trailing data after "
                    + "the " + expected + " data bytes of shape " + shapeText(dims) + " " + dtype.descr());
        }
        int[] shape = Arrays.stream(dims).mapToInt(d -> (int) d).toArray();
        ByteBuffer data = ByteBuffer.wrap(bytes, header.dataOffset(), (int) expected).slice().order(dtype.order());
        return dtype.isFloat() ? new NpyArray.Floats(dtype, shape, decodeFloats(data, dtype, (int) count))
                : new NpyArray.Ints(dtype, shape, decodeInts(data, dtype, (int) count, source));
    }

    /** A rank-2 float array from {@code file} as rows; all values must be finite. */
    public static double[][] readFloat64Matrix(Path file, int expectedCols) {
        return parseFloat64Matrix(FileBytes.read(file), file.toString(), expectedCols);
    }

    /**
     * A rank-2 float array ({@code <f4, >f4, <f8, >f8}) as rows of doubles.
     *
     * @param expectedCols the required number of columns, or {@link #ANY}
     * @throws DataFormatException for an integer dtype, another rank, another column count or a
     *         non-finite value
     */
    public static double[][] parseFloat64Matrix(byte[] bytes, String source, int expectedCols) {
        NpyArray array = parse(bytes, source);
        if (!(array instanceof NpyArray.Floats floats)) {
            throw new DataFormatException(source + ": dtype '" + array.dtype().descr()
                    + "' is not a float type (expected one of " + NpyDtype.listOf(true) + ")");
        }
        int[] shape = floats.shape();
        if (shape.length != 2 || (expectedCols != ANY && shape[1] != expectedCols)) {
            throw new DataFormatException(source + ": expected shape (rows, "
                    + (expectedCols == ANY ? "cols" : expectedCols) + "), got " + shapeText(shape));
        }
        double[][] rows = new double[shape[0]][shape[1]];
        for (int r = 0; r < shape[0]; r++) {
            System.arraycopy(floats.data(), r * shape[1], rows[r], 0, shape[1]);
            for (int c = 0; c < shape[1]; c++) {
                if (!Double.isFinite(rows[r][c])) {
                    throw new DataFormatException(source + ": row " + r + ", column " + c + ": " + rows[r][c]
                            + " (finite values required)");
                }
            }
        }
        return rows;
    }

    /** A rank-1 integer array from {@code file}. */
    public static int[] readInts(Path file, int expectedLength) {
        return parseInts(FileBytes.read(file), file.toString(), expectedLength);
    }

    /**
     * A rank-1 integer array ({@code <i4, >i4, <i8, >i8}; 8-byte values must fit in an int).
     *
     * @param expectedLength the required length, or {@link #ANY}
     */
    public static int[] parseInts(byte[] bytes, String source, int expectedLength) {
        NpyArray array = parse(bytes, source);
        if (!(array instanceof NpyArray.Ints ints)) {
            throw new DataFormatException(source + ": dtype '" + array.dtype().descr()
                    + "' is not an integer type (expected one of " + NpyDtype.listOf(false) + ")");
        }
        int[] shape = ints.shape();
        if (shape.length != 1 || (expectedLength != ANY && shape[0] != expectedLength)) {
            throw new DataFormatException(source + ": expected shape ("
                    + (expectedLength == ANY ? "n" : expectedLength) + ",), got " + shapeText(shape));
        }
        return ints.data();
    }

    /** Writes {@code array} to {@code file} in its own dtype, atomically. */
    public static void write(Path file, NpyArray array) {
        AtomicFiles.writeBytes(file, toBytes(array));
    }

    /** The bytes of a .npy file holding {@code array}, exactly as {@code numpy.save} writes them. */
    public static byte[] toBytes(NpyArray array) {
        byte[] header = NpyHeader.format(array.dtype().descr(), array.shape());
        NpyDtype dtype = array.dtype();
        int count = array instanceof NpyArray.Floats f ? f.data().length : ((NpyArray.Ints) array).data().length;
        byte[] out = Arrays.copyOf(header, header.length + count * dtype.width());
        ByteBuffer buf = ByteBuffer.wrap(out, header.length, count * dtype.width()).slice().order(dtype.order());
        if (array instanceof NpyArray.Floats f) {
            for (double v : f.data()) {
                if (dtype.width() == 4) {
                    buf.putFloat((float) v);
                } else {
                    buf.putDouble(v);
                }
            }
        } else {
            for (int v : ((NpyArray.Ints) array).data()) {
                if (dtype.width() == 4) {
                    buf.putInt(v);
                } else {
                    buf.putLong(v);
                }
            }
        }
        return out;
    }

    /** Writes a matrix as {@code <f8}, shape (rows, cols). */
    public static void writeFloat64(Path file, double[][] matrix) {
        write(file, NpyArray.ofMatrix(NpyDtype.FLOAT64_LE, matrix));
    }

    /** Writes a matrix as {@code <f4}, shape (rows, cols); values are rounded to float. */
    public static void writeFloat32(Path file, double[][] matrix) {
        write(file, NpyArray.ofMatrix(NpyDtype.FLOAT32_LE, matrix));
    }

    /** Writes a vector as {@code <f8}, shape (n,). */
    public static void writeFloat64(Path file, double[] values) {
        write(file, NpyArray.ofDoubles(values));
    }

    /** Writes a vector as {@code <i4}, shape (n,). */
    public static void writeInt32(Path file, int[] values) {
        write(file, NpyArray.ofInts(values));
    }

    private static double[] decodeFloats(ByteBuffer data, NpyDtype dtype, int count) {
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = dtype.width() == 4 ? data.getFloat() : data.getDouble();
        }
        return out;
    }

    private static int[] decodeInts(ByteBuffer data, NpyDtype dtype, int count, String source) {
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            if (dtype.width() == 4) {
                out[i] = data.getInt();
            } else {
                long v = data.getLong();
                if (v != (int) v) {
                    throw new DataFormatException(source + ": element " + i + ": value " + v
                            + " does not fit in a 32-bit int");
                }
                out[i] = (int) v;
            }
        }
        return out;
    }

    /** A shape as Python prints it: {@code (217, 9)}, {@code (217,)}. */
    static String shapeText(long[] shape) {
        String dims = Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", "));
        return "(" + dims + (shape.length == 1 ? ",)" : ")");
    }

    static String shapeText(int[] shape) {
        return shapeText(Arrays.stream(shape).asLongStream().toArray());
    }
}
