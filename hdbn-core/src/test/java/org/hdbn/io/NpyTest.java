package org.hdbn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NpyTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(NpyDtype.class)
    void roundTripsEveryDtypeAtRankOneAndTwo(NpyDtype dtype) {
        for (int[] shape : new int[][] {{5}, {2, 3}, {0}, {0, 4}}) {
            int n = shape.length == 1 ? shape[0] : shape[0] * shape[1];
            NpyArray array;
            if (dtype.isFloat()) {
                // values exactly representable as float so that <f4 round trips are exact too
                double[] data = new double[n];
                for (int i = 0; i < n; i++) {
                    data[i] = (i - 2) * 0.375 + (i == 1 ? 0x1p100 : 0);
                }
                array = new NpyArray.Floats(dtype, shape, data);
            } else {
                int[] data = new int[n];
                for (int i = 0; i < n; i++) {
                    data[i] = i == 0 ? Integer.MIN_VALUE : i == 1 ? Integer.MAX_VALUE : i * 7 - 9;
                }
                array = new NpyArray.Ints(dtype, shape, data);
            }
            Path file = dir.resolve(dtype + "-" + shape.length + "-" + n + ".npy");
            Npy.write(file, array);
            assertThat(Npy.read(file)).isEqualTo(array);
        }
    }

    @Test
    void writesTheHeaderNumpyWrites() {
        byte[] bytes = Npy.toBytes(new NpyArray.Floats(NpyDtype.FLOAT32_LE, new int[] {217, 9}, new double[217 * 9]));
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (217, 9), }";
        assertThat(bytes.length).isEqualTo(128 + 217 * 9 * 4);
        assertThat(Arrays.copyOf(bytes, 10)).containsExactly(0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0);
        String header = new String(bytes, 10, 118, StandardCharsets.ISO_8859_1);
        assertThat(header).isEqualTo(dict + " ".repeat(118 - dict.length() - 1) + "\n");
        byte[] vector = Npy.toBytes(NpyArray.ofInts(new int[] {1, 2}));
        assertThat(new String(vector, 10, 118, StandardCharsets.ISO_8859_1))
                .startsWith("{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }   ");
    }

    @Test
    void convertsOtherFloatWidthsAndByteOrders() {
        double[][] expected = {{0.5, -1.25, 3}, {1e-3, 2, 7}};
        for (NpyDtype dtype : new NpyDtype[] {NpyDtype.FLOAT32_BE, NpyDtype.FLOAT32_LE, NpyDtype.FLOAT64_BE}) {
            Path file = dir.resolve(dtype + ".npy");
            Npy.write(file, NpyArray.ofMatrix(dtype, expected));
            double[][] got = Npy.readFloat64Matrix(file, 3);
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 3; c++) {
                    // float32 keeps 24 significant bits: relative error below 2^-24
                    assertThat(got[r][c]).isCloseTo(expected[r][c], org.assertj.core.data.Offset.offset(
                            dtype.width() == 4 ? Math.abs(expected[r][c]) * 6e-8 : 0.0));
                }
            }
        }
    }

    @Test
    void convertsEightByteAndBigEndianInts() {
        int[] values = {3, -4, 1 << 30};
        for (NpyDtype dtype : new NpyDtype[] {NpyDtype.INT32_BE, NpyDtype.INT64_LE, NpyDtype.INT64_BE}) {
            Path file = dir.resolve(dtype + ".npy");
            Npy.write(file, new NpyArray.Ints(dtype, new int[] {3}, values));
            assertThat(Npy.readInts(file, 3)).containsExactly(values);
            assertThat(Npy.readInts(file, Npy.ANY)).containsExactly(values);
        }
    }

    @Test
    void readsFormatVersionsTwoAndThree() throws Exception {
        for (int major : new int[] {2, 3}) {
            String dict = "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }\n";
            ByteBuffer buf = ByteBuffer.allocate(12 + dict.length() + 8).order(ByteOrder.LITTLE_ENDIAN);
            buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0}).putInt(dict.length());
            buf.put(dict.getBytes(StandardCharsets.UTF_8)).putInt(11).putInt(-12);
            Path file = dir.resolve("v" + major + ".npy");
            Files.write(file, buf.array());
            assertThat(Npy.readInts(file, 2)).containsExactly(11, -12);
        }
    }

    @Test
    void refusesWrongMagic() throws Exception {
        Path file = dir.resolve("magic.npy");
        Files.write(file, "PK\u0003\u0004 not numpy".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("wrong magic");
    }

    @Test
    void refusesUnsupportedDtypeNamingItAndTheExpectedOnes() throws Exception {
        for (String descr : new String[] {"<f2", "|u1", "<i2", "<c16"}) {
            Path file = withHeader("dtype.npy", "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (1,), }",
                    new byte[16]);
            assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("unsupported dtype '" + descr + "'")
                    .hasMessageContaining("<f4, >f4, <f8, >f8, <i4, >i4, <i8, >i8");
        }
        Path structured = withHeader("struct.npy",
                "{'descr': [('x', '<f4'), ('y', '<f4')], 'fortran_order': False, 'shape': (1,), }", new byte[8]);
        assertThatThrownBy(() -> Npy.read(structured)).hasMessageContaining("unsupported dtype '[('x', '<f4')");
    }

    @Test
    void refusesFortranOrder() throws Exception {
        Path file = withHeader("fortran.npy", "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }",
                new byte[32]);
        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("fortran_order is True");
    }

    @Test
    void refusesShapeOtherThanExpected() {
        Path matrix = dir.resolve("m.npy");
        Npy.writeFloat64(matrix, new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertThatThrownBy(() -> Npy.readFloat64Matrix(matrix, 9)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(matrix.toString()).hasMessageContaining("expected shape (rows, 9), got (3, 2)");
        Path vector = dir.resolve("v.npy");
        Npy.writeInt32(vector, new int[] {1, 2, 3});
        assertThatThrownBy(() -> Npy.readInts(vector, 4)).hasMessageContaining(vector.toString())
                .hasMessageContaining("expected shape (4,), got (3,)");
        Path floats = dir.resolve("f.npy");
        Npy.writeFloat64(floats, new double[] {1, 2});
        assertThatThrownBy(() -> Npy.readFloat64Matrix(floats, 2)).hasMessageContaining("got (2,)");
        assertThatThrownBy(() -> Npy.readInts(floats, 2)).hasMessageContaining(floats.toString())
                .hasMessageContaining("dtype '<f8' is not an integer type (expected one of <i4, >i4, <i8, >i8)");
        assertThatThrownBy(() -> Npy.readFloat64Matrix(vector, Npy.ANY))
                .hasMessageContaining("dtype '<i4' is not a float type (expected one of <f4, >f4, <f8, >f8)");
    }

    @Test
    void refusesRankZeroAndThree() throws Exception {
        Path scalar = withHeader("scalar.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", new byte[8]);
        assertThatThrownBy(() -> Npy.read(scalar)).hasMessageContaining(scalar.toString())
                .hasMessageContaining("unsupported rank 0");
        Path cube = withHeader("cube.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (1, 1, 1), }",
                new byte[8]);
        assertThatThrownBy(() -> Npy.read(cube)).hasMessageContaining("unsupported rank 3 (shape (1, 1, 1))");
    }

    @Test
    void refusesTruncatedDataAndHeader() throws Exception {
        Path file = dir.resolve("t.npy");
        Npy.writeFloat64(file, new double[][] {{1, 2, 3}, {4, 5, 6}});
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        assertThatThrownBy(() -> Npy.read(file)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("truncated")
                .hasMessageContaining("48 data bytes, the file has 43");
        Files.write(file, Arrays.copyOf(bytes, 40));
        assertThatThrownBy(() -> Npy.read(file)).hasMessageContaining("truncated .npy header");
    }

    @Test
    void refusesTrailingGarbage() throws Exception {
        Path file = dir.resolve("g.npy");
        Npy.writeInt32(file, new int[] {1, 2});
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length + 3));
        assertThatThrownBy(() -> Npy.readInts(file, 2)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("3 bytes of trailing data");
    }

    @Test
    void refusesNonFiniteWhereFiniteIsRequired() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            Path file = dir.resolve("nf.npy");
            Npy.writeFloat32(file, new double[][] {{1, 2}, {3, bad}});
            assertThat(Double.compare(((NpyArray.Floats) Npy.read(file)).data()[3], bad)).isZero();
            assertThatThrownBy(() -> Npy.readFloat64Matrix(file, 2)).isInstanceOf(DataFormatException.class)
                    .hasMessageContaining(file.toString()).hasMessageContaining("row 1, column 1: " + bad);
        }
    }

    @Test
    void refusesEightByteIntsThatDoNotFitAnInt() {
        Path file = dir.resolve("big.npy");
        byte[] bytes = Npy.toBytes(new NpyArray.Ints(NpyDtype.INT64_LE, new int[] {2}, new int[] {0, 0}));
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(bytes.length - 8, 1L << 40);
        AtomicFiles.writeBytes(file, bytes);
        assertThatThrownBy(() -> Npy.readInts(file, 2)).hasMessageContaining(file.toString())
                .hasMessageContaining("element 1: value 1099511627776 does not fit in a 32-bit int");
    }

    @Test
    void refusesUnsupportedVersionMalformedHeaderAndMissingFile() throws Exception {
        Path file = dir.resolve("ver.npy");
        Npy.writeInt32(file, new int[] {1});
        byte[] bytes = Files.readAllBytes(file);
        bytes[6] = 4;
        Files.write(file, bytes);
        assertThatThrownBy(() -> Npy.read(file)).hasMessageContaining("unsupported .npy format version 4.0");
        Path bad = withHeader("bad.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (2, x), }", new byte[16]);
        assertThatThrownBy(() -> Npy.read(bad)).hasMessageContaining(bad.toString())
                .hasMessageContaining("malformed .npy header");
        Path extra = withHeader("extra.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}",
                new byte[8]);
        assertThatThrownBy(() -> Npy.read(extra)).hasMessageContaining(extra.toString());
        Path missing = dir.resolve("missing.npy");
        assertThatThrownBy(() -> Npy.read(missing)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(missing + ": file not found");
    }

    private Path withHeader(String name, String dict, byte[] data) throws Exception {
        byte[] text = (dict + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer buf = ByteBuffer.allocate(10 + text.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}).putShort((short) text.length);
        buf.put(text).put(data);
        Path file = dir.resolve(name);
        Files.write(file, buf.array());
        return file;
    }
}
