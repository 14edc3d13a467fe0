package org.hdbn.run.atomic;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hdbn.io.DataFormatException;
import org.hdbn.text.NearestNames;

/**
 * The value types of RecBole's atomic files (recbole.io, "Atomic Files"): a header entry
 * {@code name:type} declares one of them for its column.
 */
public enum FieldType {
    /** One categorical value, e.g. a user id; may hold spaces but no tab. */
    TOKEN,
    /** Categorical values separated by single spaces; empty means none. */
    TOKEN_SEQ,
    /** One finite decimal number. */
    FLOAT,
    /** Finite decimal numbers separated by single spaces; empty means none. */
    FLOAT_SEQ;

    /** The name in a header, e.g. {@code token_seq}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a value is a space-separated list. */
    public boolean isSequence() {
        return this == TOKEN_SEQ || this == FLOAT_SEQ;
    }

    /** Every label, in declaration order. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(FieldType::label).toList();
    }

    /**
     * The type named {@code label}.
     *
     * @param where what to name in the error, e.g. {@code "x.inter line 1: field rating"}
     * @throws DataFormatException naming {@code where}, the label, the valid labels and the nearest one
     */
    public static FieldType parse(String label, String where) {
        for (FieldType type : values()) {
            if (type.label().equals(label)) {
                return type;
            }
        }
        throw new DataFormatException(where + ": unknown type '" + label + "'" + NearestNames.didYouMean(label, labels())
                + "; the types are " + String.join(", ", labels()));
    }
}
