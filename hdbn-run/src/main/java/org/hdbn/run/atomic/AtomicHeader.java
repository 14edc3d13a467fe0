package org.hdbn.run.atomic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hdbn.io.DataFormatException;
import org.hdbn.text.NearestNames;

/**
 * The first line of an atomic file: its fields, tab separated, each {@code name:type}, names unique.
 *
 * @param fields the columns in file order
 */
public record AtomicHeader(List<AtomicField> fields) {

    public AtomicHeader {
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a header needs at least one field");
        }
        Set<String> names = new HashSet<>();
        for (AtomicField f : fields) {
            if (!names.add(f.name())) {
                throw new IllegalArgumentException("field '" + f.name() + "' appears twice");
            }
        }
    }

    /** A header of the given fields. */
    public static AtomicHeader of(AtomicField... fields) {
        return new AtomicHeader(List.of(fields));
    }

    /**
     * Parses a header line (without its line end).
     *
     * @param source the file, named in errors as {@code "source line 1"}
     * @throws DataFormatException naming the file, the column and the entry
     */
    public static AtomicHeader parse(String line, String source) {
        String where = source + " line 1";
        if (line.isEmpty()) {
            throw new DataFormatException(where + ": empty header (expected tab-separated name:type fields)");
        }
        String[] entries = line.split("\t", -1);
        List<AtomicField> fields = new ArrayList<>(entries.length);
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < entries.length; c++) {
            AtomicField field = AtomicField.parse(entries[c], where + ": column " + (c + 1));
            if (!seen.add(field.name())) {
                throw new DataFormatException(where + ": column " + (c + 1) + ": field '" + field.name()
                        + "' appears twice");
            }
            fields.add(field);
        }
        return new AtomicHeader(fields);
    }

    /** Number of columns. */
    public int size() {
        return fields.size();
    }

    /** The column of the field named {@code name}, or -1. */
    public int indexOf(String name) {
        for (int c = 0; c < fields.size(); c++) {
            if (fields.get(c).name().equals(name)) {
                return c;
            }
        }
        return -1;
    }

    /** The field names in column order. */
    public List<String> names() {
        return fields.stream().map(AtomicField::name).toList();
    }

    /**
     * The column of the field {@code name}, which must have type {@code type}.
     *
     * @param source the file, named in errors
     * @throws DataFormatException naming the file, the field, the nearest field name and every field,
     *     or the type the field has instead
     */
    public int require(String name, FieldType type, String source) {
        int c = indexOf(name);
        if (c < 0) {
            throw new DataFormatException(source + " line 1: no field '" + name + "'"
                    + NearestNames.didYouMean(name, names()) + "; the fields are " + this.describe());
        }
        if (fields.get(c).type() != type) {
            throw new DataFormatException(source + " line 1: field '" + name + "' has type " + fields.get(c).type().label()
                    + ", expected " + type.label());
        }
        return c;
    }

    /** The fields as they stand in the header, comma separated, for messages. */
    public String describe() {
        return fields.stream().map(AtomicField::toString).collect(Collectors.joining(", "));
    }

    /** The header line, tab separated, without line end. */
    public String line() {
        return fields.stream().map(AtomicField::toString).collect(Collectors.joining("\t"));
    }
}
