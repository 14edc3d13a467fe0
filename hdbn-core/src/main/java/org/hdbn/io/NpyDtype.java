package org.hdbn.io;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The NumPy element types {@link Npy} reads and writes: 4- and 8-byte floats and signed ints, either byte order. */
public enum NpyDtype {
    FLOAT32_LE("<f4", true, 4, ByteOrder.LITTLE_ENDIAN),
    FLOAT32_BE(">f4", true, 4, ByteOrder.BIG_ENDIAN),
    FLOAT64_LE("<f8", true, 8, ByteOrder.LITTLE_ENDIAN),
    FLOAT64_BE(">f8", true, 8, ByteOrder.BIG_ENDIAN),
    INT32_LE("<i4", false, 4, ByteOrder.LITTLE_ENDIAN),
    INT32_BE(">i4", false, 4, ByteOrder.BIG_ENDIAN),
    INT64_LE("<i8", false, 8, ByteOrder.LITTLE_ENDIAN),
    INT64_BE(">i8", false, 8, ByteOrder.BIG_ENDIAN);

    private final String descr;
    private final boolean floating;
    private final int width;
    private final ByteOrder order;

    NpyDtype(String descr, boolean floating, int width, ByteOrder order) {
        this.descr = descr;
        this.floating = floating;
        this.width = width;
        this.order = order;
    }

    /** The dtype string as it appears in a .npy header, e.g. {@code "<f4"}. */
    public String descr() {
        return descr;
    }

    /** True for the float types, false for the integer types. */
    public boolean isFloat() {
        return floating;
    }

    /** Bytes per element. */
    public int width() {
        return width;
    }

    public ByteOrder order() {
        return order;
    }

    /** The dtype with this header string, if supported. */
    public static Optional<NpyDtype> fromDescr(String descr) {
        return Arrays.stream(values()).filter(d -> d.descr.equals(descr)).findFirst();
    }

    /** The header strings of the supported dtypes of one kind, for error messages. */
    static String listOf(boolean floating) {
        return Arrays.stream(values()).filter(d -> d.floating == floating)
                .map(NpyDtype::descr).collect(Collectors.joining(", "));
    }
}
