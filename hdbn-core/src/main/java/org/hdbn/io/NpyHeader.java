package org.hdbn.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header of a .npy file (format versions 1.0, 2.0, 3.0): the magic string, the version, and a
 * Python dict literal with the keys {@code descr}, {@code fortran_order} and {@code shape}.
 * {@code dataOffset} is where the elements start.
 *
 * @see <a href="https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html">numpy.lib.format</a>
 */
record NpyHeader(String descr, boolean fortranOrder, long[] shape, int dataOffset) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    // numpy pads the header so the data start is aligned to 64 bytes
    private static final int ALIGN = 64;

    /** Reads the header at the start of {@code bytes}; {@code source} names the file in errors. */
    static NpyHeader parse(byte[] bytes, String source) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (i >= bytes.length || bytes[i] != MAGIC[i]) {
                throw new DataFormatException(source + ": not a .npy file (wrong magic, expected \\x93NUMPY)");
            }
        }
        if (bytes.length < 10) {
            throw new DataFormatException(source + ": truncated .npy header (" + bytes.length + " bytes)");
        }
        int major = bytes[6] & 0xff;
        int minor = bytes[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new DataFormatException(source + ": unsupported .npy format version " + major + "." + minor
                    + " (expected 1.0, 2.0 or 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        int start = 8 + lengthBytes;
        if (bytes.length < start) {
            throw new DataFormatException(source + ": truncated .npy header (" + bytes.length + " bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, 8, lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = major == 1 ? buf.getShort() & 0xffff : buf.getInt() & 0xffffffffL;
        if (start + headerLength > bytes.length) {
            throw new DataFormatException(source + ": truncated .npy header: it declares " + headerLength
                    + " bytes, the file has " + (bytes.length - start) + " after the preamble");
        }
        String text = new String(bytes, start, (int) headerLength,
                major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new DictParser(text, source).parse();
        if (!dict.keySet().equals(Set.of("descr", "fortran_order", "shape"))) {
            throw new DataFormatException(source + ": .npy header must have exactly the keys descr, "
                    + "fortran_order, shape; got " + dict.keySet());
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new DataFormatException(source + ": unsupported dtype " + dict.get("descr")
                    + " (structured dtypes are not supported)");
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new DataFormatException(source + ": fortran_order must be True or False, got "
                    + dict.get("fortran_order"));
        }
        if (!(dict.get("shape") instanceof long[] shape)) {
            throw new DataFormatException(source + ": shape must be a tuple of integers, got " + dict.get("shape"));
        }
        return new NpyHeader(descr, fortran, shape, (int) (start + headerLength));
    }

    /** The header bytes numpy would write for an array of this dtype and shape, version 1.0 when it fits. */
    static byte[] format(String descr, int[] shape) {
        StringBuilder dims = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            dims.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        dims.append(shape.length == 1 ? ",)" : ")");
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + dims + ", }";
        int lengthBytes = 2;
        int padded = aligned(8 + lengthBytes + dict.length() + 1);
        if (padded - 8 - lengthBytes > 65535) {
            lengthBytes = 4; // only format 2.0 can declare a header this long
            padded = aligned(8 + lengthBytes + dict.length() + 1);
        }
        int preamble = 8 + lengthBytes;
        byte[] out = new byte[padded];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) (lengthBytes == 2 ? 1 : 2);
        out[7] = 0;
        ByteBuffer len = ByteBuffer.wrap(out, 8, lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        if (lengthBytes == 2) {
            len.putShort((short) (padded - preamble));
        } else {
            len.putInt(padded - preamble);
        }
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, out, preamble, text.length);
        for (int i = preamble + text.length; i < padded - 1; i++) {
            out[i] = ' ';
        }
        out[padded - 1] = '\n';
        return out;
    }

    private static int aligned(int length) {
        return (length + ALIGN - 1) / ALIGN * ALIGN;
    }

    /** Parses the small subset of Python literals that .npy headers use. */
    private static final class DictParser {
        private final String text;
        private final String source;
        private int pos;

        DictParser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        Map<String, Object> parse() {
            Map<String, Object> dict = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                Object value = value();
                if (dict.put(key, value) != null) {
                    throw error("duplicate key '" + key + "'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            skipSpace();
            if (pos != text.length()) {
                throw error("unexpected text after the dict");
            }
            return dict;
        }

        private Object value() {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            }
            if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            }
            if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            }
            if (c == '(') {
                return tuple();
            }
            if (c == '[' || c == '{') {
                return bracketed();
            }
            throw error("unexpected value");
        }

        private long[] tuple() {
            expect('(');
            List<Long> dims = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    break;
                }
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (start == pos || pos - start > 18) {
                    throw error("expected a non-negative integer in the shape");
                }
                dims.add(Long.parseLong(text.substring(start, pos)));
                if (peek() == 'L') {
                    pos++; // Python 2 long literal
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ')') {
                    throw error("expected ',' or ')' in the shape");
                }
            }
            return dims.stream().mapToLong(Long::longValue).toArray();
        }

        // a structured dtype such as [('x', '<f4')]: kept as raw text so the error can show it
        private String bracketed() {
            int start = pos;
            int depth = 0;
            do {
                char c = peek();
                if (c == '[' || c == '{' || c == '(') {
                    depth++;
                } else if (c == ']' || c == '}' || c == ')') {
                    depth--;
                }
                pos++;
            } while (depth > 0);
            return text.substring(start, pos);
        }

        private String string() {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private char peek() {
            if (pos >= text.length()) {
                throw error("unexpected end of header");
            }
            return text.charAt(pos);
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private DataFormatException error(String what) {
            return new DataFormatException(source + ": malformed .npy header at character " + pos + ": "
                    + what + " in " + text.strip());
        }
    }
}
