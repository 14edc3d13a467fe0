package org.hdbn.run.atomic;

import java.util.Arrays;
import java.util.List;

/**
 * The values of one column of an atomic file, one per row, typed as its {@link FieldType}.
 * Float columns hold arrays, compared by content; callers must not mutate them.
 */
public sealed interface AtomicColumn {

    /** Number of rows. */
    int size();

    /** The type of every value. */
    FieldType type();

    /** Row {@code row}'s value as it stands in the file. */
    String text(int row);

    /**
     * Refuses a value the file could not hold or read back.
     *
     * @param at names the file and field, e.g. {@code "cannot write x.item: field genre"}
     * @throws IllegalArgumentException naming {@code at}, the row and the value: a token that is empty or
     *     holds a tab or line break, a sequence element that holds a space, a number that is not finite
     */
    void requireWritable(String at);

    private static void requireToken(String token, boolean element, String at, int row) {
        boolean bad = token.isEmpty() || token.chars().anyMatch(ch -> ch == '\t' || ch == '\n' || ch == '\r'
                || (element && ch == ' '));
        if (bad) {
            throw new IllegalArgumentException(at + ", row " + row + ": " + (element ? "sequence element" : "token")
                    + " '" + token + "' is empty or holds a tab, line break" + (element ? " or space" : ""));
        }
    }

    private static void requireFinite(double value, String at, int row) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(at + ", row " + row + ": " + value + " is not a finite number");
        }
    }

    /** A {@code token} column. */
    record Tokens(List<String> values) implements AtomicColumn {
        public Tokens {
            values = List.copyOf(values);
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public FieldType type() {
            return FieldType.TOKEN;
        }

        @Override
        public String text(int row) {
            return values.get(row);
        }

        @Override
        public void requireWritable(String at) {
            for (int r = 0; r < values.size(); r++) {
                requireToken(values.get(r), false, at, r);
            }
        }
    }

    /** A {@code token_seq} column. */
    record TokenSeqs(List<List<String>> values) implements AtomicColumn {
        public TokenSeqs {
            values = values.stream().map(List::copyOf).toList();
        }

        @Override
        public int size() {
            return values.size();
        }

        @Override
        public FieldType type() {
            return FieldType.TOKEN_SEQ;
        }

        @Override
        public String text(int row) {
            return String.join(" ", values.get(row));
        }

        @Override
        public void requireWritable(String at) {
            for (int r = 0; r < values.size(); r++) {
                for (String element : values.get(r)) {
                    requireToken(element, true, at, r);
                }
            }
        }
    }

    /** A {@code float} column. */
    record Floats(double[] values) implements AtomicColumn {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public FieldType type() {
            return FieldType.FLOAT;
        }

        @Override
        public String text(int row) {
            return Double.toString(values[row]);
        }

        @Override
        public void requireWritable(String at) {
            for (int r = 0; r < values.length; r++) {
                requireFinite(values[r], at, r);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Floats other && Arrays.equals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Floats" + Arrays.toString(values);
        }
    }

    /** A {@code float_seq} column; row {@code r} is {@code values[r]}. */
    record FloatSeqs(double[][] values) implements AtomicColumn {
        @Override
        public int size() {
            return values.length;
        }

        @Override
        public FieldType type() {
            return FieldType.FLOAT_SEQ;
        }

        @Override
        public String text(int row) {
            StringBuilder sb = new StringBuilder();
            for (double v : values[row]) {
                sb.append(sb.length() == 0 ? "" : " ").append(v);
            }
            return sb.toString();
        }

        @Override
        public void requireWritable(String at) {
            for (int r = 0; r < values.length; r++) {
                for (double v : values[r]) {
                    requireFinite(v, at, r);
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof FloatSeqs other && Arrays.deepEquals(values, other.values);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(values);
        }

        @Override
        public String toString() {
            return "FloatSeqs" + Arrays.deepToString(values);
        }
    }
}
