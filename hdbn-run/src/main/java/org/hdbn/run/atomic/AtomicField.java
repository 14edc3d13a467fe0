package org.hdbn.run.atomic;

import java.util.Objects;
import org.hdbn.io.DataFormatException;

/**
 * One column of an atomic file, declared in its header as {@code name:type}, e.g.
 * {@code item_id:token} or {@code song_mood:float_seq}.
 *
 * @param name the field's name: non-empty, without tab, line break or colon
 * @param type its value type
 */
public record AtomicField(String name, FieldType type) {

    public AtomicField {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isEmpty() || name.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r' || c == ':')) {
            throw new IllegalArgumentException("field name must be non-empty without tab, line break or ':': '" + name + "'");
        }
    }

    /** A token field. */
    public static AtomicField token(String name) {
        return new AtomicField(name, FieldType.TOKEN);
    }

    /** A float_seq field. */
    public static AtomicField floatSeq(String name) {
        return new AtomicField(name, FieldType.FLOAT_SEQ);
    }

    /**
     * Parses one header entry.
     *
     * @param where what to name in the error, e.g. {@code "x.inter line 1: column 2"}
     * @throws DataFormatException naming {@code where} and the entry when it is not {@code name:type}
     */
    public static AtomicField parse(String entry, String where) {
        int colon = entry.indexOf(':');
        if (colon <= 0 || colon != entry.lastIndexOf(':')) {
            throw new DataFormatException(where + ": expected name:type, got '" + entry + "'");
        }
        String name = entry.substring(0, colon);
        return new AtomicField(name, FieldType.parse(entry.substring(colon + 1), where + " (" + name + ")"));
    }

    /** The header entry, {@code name:type}. */
    @Override
    public String toString() {
        return name + ":" + type.label();
    }
}
