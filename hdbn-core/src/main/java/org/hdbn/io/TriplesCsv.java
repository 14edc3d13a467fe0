package org.hdbn.io;

import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.hdbn.data.Interactions;

/**
 * A CSV file of 0-based (user, item, context) index triples with a one-line header naming the
 * three columns, e.g. {@code user_id,song_id,emo_id}. Lines end in {@code \n} or {@code \r\n};
 * fields are plain non-negative decimal integers without spaces or quotes. Reading is strict:
 * every problem is a {@link DataFormatException} naming the file, the 1-based line and the field.
 *
 * @param userColumn    header name of the first column
 * @param itemColumn    header name of the second column
 * @param contextColumn header name of the third column
 */
public record TriplesCsv(String userColumn, String itemColumn, String contextColumn) {

    /** Passed as a bound: no upper limit on the index. */
    public static final int UNBOUNDED = Integer.MAX_VALUE;

    private static final int FIELDS = 3;

    public TriplesCsv {
        for (String name : new String[] {userColumn, itemColumn, contextColumn}) {
            if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c == ',' || c == '\n' || c == '\r')) {
                throw new IllegalArgumentException("column name must be non-empty without ',' or line breaks: '"
                        + name + "'");
            }
        }
    }

    /** The header line, without line terminator. */
    public String header() {
        return userColumn + "," + itemColumn + "," + contextColumn;
    }

    /** Reads {@code file}; indexes need only be non-negative. */
    public Interactions read(Path file) {
        return read(file, UNBOUNDED, UNBOUNDED, UNBOUNDED);
    }

    /** Reads {@code file}; every index must be non-negative and below its column's bound. */
    public Interactions read(Path file, int userBound, int itemBound, int contextBound) {
        return parse(FileBytes.read(file), file.toString(), userBound, itemBound, contextBound);
    }

    /** Parses the content of a triples CSV; {@code source} names it in errors. */
    public Interactions parse(byte[] bytes, String source, int userBound, int itemBound, int contextBound) {
        return new Parser(bytes, source, new int[] {userBound, itemBound, contextBound}).parse();
    }

    /** Writes {@code data} with this header and {@code \n} line ends, atomically. */
    public void write(Path file, Interactions data) {
        int[][] columns = {data.users(), data.items(), data.contexts()};
        for (int c = 0; c < FIELDS; c++) {
            for (int r = 0; r < data.size(); r++) {
                if (columns[c][r] < 0) {
                    throw new IllegalArgumentException("cannot write " + file + ": row " + r + ", field "
                            + columnName(c) + ": negative index " + columns[c][r]);
                }
            }
        }
        AtomicFiles.write(file, raw -> {
            BufferedOutputStream out = new BufferedOutputStream(raw, 1 << 16);
            out.write((header() + "\n").getBytes(StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder(32);
            for (int r = 0; r < data.size(); r++) {
                line.setLength(0);
                line.append(columns[0][r]).append(',').append(columns[1][r]).append(',').append(columns[2][r])
                        .append('\n');
                out.write(line.toString().getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        });
    }

    private String columnName(int field) {
        return field == 0 ? userColumn : field == 1 ? itemColumn : contextColumn;
    }

    /** One pass over the bytes; no regular expressions, no per-line strings unless reporting an error. */
    private final class Parser {
        private final byte[] bytes;
        private final String source;
        private final int[] bounds;
        private int line = 1;

        Parser(byte[] bytes, String source, int[] bounds) {
            this.bytes = bytes;
            this.source = source;
            this.bounds = bounds;
        }

        Interactions parse() {
            if (bytes.length == 0) {
                throw new DataFormatException(source + ": empty file (expected the header '" + header() + "')");
            }
            // a UTF-8 byte order mark, as spreadsheet programs write, is not part of the header
            int pos = startsWithBom() ? 3 : 0;
            int eol = lineEnd(pos);
            String got = new String(bytes, pos, contentEnd(pos, eol) - pos, StandardCharsets.UTF_8);
            if (!got.equals(header())) {
                throw new DataFormatException(source + " line 1: wrong header: expected '" + header() + "', got '"
                        + abbreviate(got) + "'");
            }
            int capacity = Math.max(16, bytes.length / 12);
            int[][] columns = {new int[capacity], new int[capacity], new int[capacity]};
            int rows = 0;
            pos = eol + 1;
            while (pos < bytes.length) {
                line++;
                eol = lineEnd(pos);
                int end = contentEnd(pos, eol);
                if (rows == columns[0].length) {
                    for (int c = 0; c < FIELDS; c++) {
                        columns[c] = Arrays.copyOf(columns[c], rows * 2);
                    }
                }
                int start = pos;
                for (int field = 0; field < FIELDS; field++) {
                    int stop = start;
                    while (stop < end && bytes[stop] != ',') {
                        stop++;
                    }
                    if (field < FIELDS - 1 && stop == end) {
                        throw fail(null, "expected " + FIELDS + " fields, got " + (field + 1)
                                + (end == pos ? " (empty line)" : ""));
                    }
                    if (field == FIELDS - 1 && stop != end) {
                        throw fail(null, "expected " + FIELDS + " fields, got " + (countCommas(pos, end) + 1));
                    }
                    columns[field][rows] = index(field, start, stop);
                    start = stop + 1;
                }
                rows++;
                pos = eol + 1;
            }
            return new Interactions(Arrays.copyOf(columns[0], rows), Arrays.copyOf(columns[1], rows),
                    Arrays.copyOf(columns[2], rows));
        }

        private int index(int field, int start, int stop) {
            long value = 0;
            boolean negative = start < stop && bytes[start] == '-';
            int digits = negative ? start + 1 : start;
            if (digits == stop || stop - digits > 10) {
                throw notInteger(field, start, stop);
            }
            for (int i = digits; i < stop; i++) {
                int d = bytes[i] - '0';
                if (d < 0 || d > 9) {
                    throw notInteger(field, start, stop);
                }
                value = value * 10 + d;
            }
            if (negative) {
                throw fail(field, "negative index -" + value);
            }
            if (value > Integer.MAX_VALUE) {
                throw fail(field, "integer out of range: " + value);
            }
            if (value >= bounds[field]) {
                throw fail(field, "index " + value + " out of range (must be < " + bounds[field] + ")");
            }
            return (int) value;
        }

        private DataFormatException notInteger(int field, int start, int stop) {
            String text = new String(bytes, start, stop - start, StandardCharsets.UTF_8);
            return fail(field, "expected an integer, got '" + abbreviate(text) + "'");
        }

        private DataFormatException fail(Integer field, String what) {
            return new DataFormatException(source + " line " + line + ": "
                    + (field == null ? "" : "field " + columnName(field) + ": ") + what);
        }

        private int countCommas(int from, int to) {
            int n = 0;
            for (int i = from; i < to; i++) {
                n += bytes[i] == ',' ? 1 : 0;
            }
            return n;
        }

        private boolean startsWithBom() {
            return bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                    && (bytes[2] & 0xff) == 0xBF;
        }

        /** Index of the '\n' ending the line that starts at {@code pos}, or the file length. */
        private int lineEnd(int pos) {
            int i = pos;
            while (i < bytes.length && bytes[i] != '\n') {
                i++;
            }
            return i;
        }

        private int contentEnd(int pos, int eol) {
            return eol > pos && bytes[eol - 1] == '\r' ? eol - 1 : eol;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
