package org.hdbn.smile;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal reader of little-endian int32 .npy arrays, for tests only (the production reader
 * lives elsewhere). It accepts format versions 1-3 and C order, nothing else.
 */
final class TestNpy {

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private TestNpy() {
    }

    static int[] readInt32(Path file) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        buf.get(magic);
        if (magic[0] != (byte) 0x93 || !"NUMPY".equals(new String(magic, 1, 5, StandardCharsets.US_ASCII))) {
            throw new IOException(file + ": not an .npy file");
        }
        int major = buf.get();
        buf.get();
        int headerLength = major == 1 ? Short.toUnsignedInt(buf.getShort()) : buf.getInt();
        byte[] headerBytes = new byte[headerLength];
        buf.get(headerBytes);
        String header = new String(headerBytes, StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !"<i4".equals(descr.group(1)) || !shape.find()
                || header.contains("'fortran_order': True")) {
            throw new IOException(file + ": expected a C-order <i4 array, header " + header.trim());
        }
        long count = 1;
        for (String dim : shape.group(1).split(",")) {
            if (!dim.isBlank()) {
                count *= Long.parseLong(dim.trim());
            }
        }
        if (buf.remaining() != count * 4) {
            throw new IOException(file + ": " + buf.remaining() + " data bytes, expected " + count * 4);
        }
        int[] out = new int[(int) count];
        buf.asIntBuffer().get(out);
        return out;
    }
}
