package org.hdbn.run.atomic;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hdbn.io.DataFormatException;
import org.hdbn.io.FileBytes;

/**
 * Reads an atomic file strictly: UTF-8, a header of tab-separated {@code name:type} fields, then one
 * row per line with exactly one tab-separated value per field. Lines end in {@code \n} or
 * {@code \r\n}; a final line end is optional; a UTF-8 byte order mark is allowed. Tokens are
 * non-empty; sequences are single-space separated, empty meaning none; numbers are finite decimals.
 * No line is skipped: every problem is a {@link DataFormatException} naming the file, the 1-based
 * line, the field and the value.
 */
public final class AtomicTableReader {

    private AtomicTableReader() {
    }

    /** Reads {@code file}. */
    public static AtomicTable read(Path file) {
        return parse(FileBytes.read(file), file.toString());
    }

    /** Parses the bytes of an atomic file; {@code source} names it in errors. */
    public static AtomicTable parse(byte[] bytes, String source) {
        String text = decode(bytes, source);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            throw new DataFormatException(source + ": empty file (expected a header of tab-separated name:type fields)");
        }
        List<String> lines = lines(text);
        AtomicHeader header = AtomicHeader.parse(lines.get(0), source);
        List<ColumnParser> parsers = header.fields().stream().map(f -> new ColumnParser(f, lines.size() - 1)).toList();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] values = line.split("\t", -1);
            if (values.length != header.size()) {
                throw new DataFormatException(source + " line " + (i + 1) + ": expected " + header.size()
                        + " tab-separated values (" + header.describe() + "), got " + values.length
                        + (line.isEmpty() ? " (empty line)" : ""));
            }
            for (int c = 0; c < values.length; c++) {
                parsers.get(c).add(values[c], source, i + 1);
            }
        }
        return new AtomicTable(header, parsers.stream().map(ColumnParser::column).toList());
    }

    private static String decode(byte[] bytes, String source) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(source + ": not UTF-8 text (" + e.getMessage() + ")", e);
        }
    }

    /** The lines without their ends; a final line end does not start another line. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int next = end < 0 ? text.length() : end + 1;
            int stop = end < 0 ? text.length() : end;
            if (stop > start && text.charAt(stop - 1) == '\r') {
                stop--;
            }
            lines.add(text.substring(start, stop));
            start = next;
        }
        return lines;
    }

    /**
     * Collects one column's values, checking each against the field's type. The place of a value is
     * put into words only for an error, so a large file costs no message per value.
     */
    private static final class ColumnParser {
        private final AtomicField field;
        private final List<String> tokens;
        private final List<List<String>> tokenSeqs;
        private final double[] floats;
        private final double[][] floatSeqs;
        private int size;

        ColumnParser(AtomicField field, int rows) {
            this.field = field;
            this.tokens = field.type() == FieldType.TOKEN ? new ArrayList<>(rows) : null;
            this.tokenSeqs = field.type() == FieldType.TOKEN_SEQ ? new ArrayList<>(rows) : null;
            this.floats = field.type() == FieldType.FLOAT ? new double[rows] : null;
            this.floatSeqs = field.type() == FieldType.FLOAT_SEQ ? new double[rows][] : null;
        }

        void add(String text, String source, int line) {
            switch (field.type()) {
                case TOKEN -> tokens.add(token(text, source, line));
                case TOKEN_SEQ -> tokenSeqs.add(List.of(elements(text, source, line)));
                case FLOAT -> floats[size] = number(text, text, source, line);
                case FLOAT_SEQ -> {
                    String[] parts = elements(text, source, line);
                    double[] values = new double[parts.length];
                    for (int k = 0; k < parts.length; k++) {
                        values[k] = number(parts[k], text, source, line);
                    }
                    floatSeqs[size] = values;
                }
            }
            size++;
        }

        AtomicColumn column() {
            return switch (field.type()) {
                case TOKEN -> new AtomicColumn.Tokens(tokens);
                case TOKEN_SEQ -> new AtomicColumn.TokenSeqs(tokenSeqs);
                case FLOAT -> new AtomicColumn.Floats(floats);
                case FLOAT_SEQ -> new AtomicColumn.FloatSeqs(floatSeqs);
            };
        }

        private String token(String text, String source, int line) {
            if (text.isEmpty()) {
                throw fail(source, line, "empty value (a token is required)");
            }
            return text;
        }

        private String[] elements(String text, String source, int line) {
            if (text.isEmpty()) {
                return new String[0];
            }
            String[] parts = text.split(" ", -1);
            for (String part : parts) {
                if (part.isEmpty()) {
                    throw fail(source, line, "empty element in '" + abbreviate(text)
                            + "' (elements are separated by single spaces)");
                }
            }
            return parts;
        }

        /** A finite decimal; {@link Double#parseDouble} alone would also take "NaN", "0x1p3" and "1d". */
        private double number(String text, String value, String source, int line) {
            boolean plain = !text.isEmpty();
            for (int k = 0; k < text.length() && plain; k++) {
                char ch = text.charAt(k);
                plain = (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E';
            }
            double parsed;
            try {
                parsed = plain ? Double.parseDouble(text) : Double.NaN;
            } catch (NumberFormatException e) {
                parsed = Double.NaN;
            }
            if (!Double.isFinite(parsed)) {
                throw fail(source, line, "expected a finite number, got '" + abbreviate(text) + "'");
            }
            return parsed;
        }

        private DataFormatException fail(String source, int line, String what) {
            return new DataFormatException(source + " line " + line + ": field " + field.name() + ": " + what);
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
