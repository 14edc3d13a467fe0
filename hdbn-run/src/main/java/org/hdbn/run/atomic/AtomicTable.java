package org.hdbn.run.atomic;

import java.util.List;
import org.hdbn.io.DataFormatException;

/**
 * The content of one atomic file: its header and one typed column per field, all of one length.
 * Read by {@link AtomicTableReader}, written by {@link AtomicTableWriter}. Row {@code r} stands on
 * line {@code r + 2} of its file (line 1 is the header; the reader skips no line).
 *
 * @param header  the fields
 * @param columns one per field, in header order, each of the field's type
 */
public record AtomicTable(AtomicHeader header, List<AtomicColumn> columns) {

    public AtomicTable {
        columns = List.copyOf(columns);
        if (columns.size() != header.size()) {
            throw new IllegalArgumentException(header.size() + " fields but " + columns.size() + " columns");
        }
        for (int c = 0; c < columns.size(); c++) {
            AtomicField field = header.fields().get(c);
            if (columns.get(c).type() != field.type()) {
                throw new IllegalArgumentException("field " + field + ": column of type " + columns.get(c).type().label());
            }
            if (columns.get(c).size() != columns.get(0).size()) {
                throw new IllegalArgumentException("field " + field + ": " + columns.get(c).size() + " rows, field "
                        + header.fields().get(0) + ": " + columns.get(0).size());
            }
        }
    }

    /** Number of rows after the header. */
    public int rows() {
        return columns.get(0).size();
    }

    /** The file line of row {@code row}. */
    public static int line(int row) {
        return row + 2;
    }

    /**
     * The values of the token field {@code name}.
     *
     * @param source the file, named in errors
     * @throws DataFormatException when the field is missing (naming the nearest) or not a token field
     */
    public List<String> tokens(String name, String source) {
        return ((AtomicColumn.Tokens) columns.get(header.require(name, FieldType.TOKEN, source))).values();
    }

    /** The values of the float_seq field {@code name}; errors as {@link #tokens}. */
    public double[][] floatSeqs(String name, String source) {
        return ((AtomicColumn.FloatSeqs) columns.get(header.require(name, FieldType.FLOAT_SEQ, source))).values();
    }

    /** The column of the field {@code name}; it must exist. */
    public AtomicColumn column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no field " + name + " in " + header.describe());
        }
        return columns.get(c);
    }
}
