package org.hdbn.eval;

import java.util.Objects;

/**
 * Column names of a recommendation export: the triple's user, item and context columns and the
 * column holding the recommended items. Core gives the columns no domain meaning; an application
 * passes its own names (the EmoMusicLJ export uses {@code user_id,song_id,emo_id,recommended}).
 */
public record CsvHeader(String user, String item, String context, String recommended) {

    /** Domain-free names: {@code user_id,item_id,context_id,recommended}. */
    public static final CsvHeader GENERIC = new CsvHeader("user_id", "item_id", "context_id", "recommended");

    public CsvHeader {
        check("user", user);
        check("item", item);
        check("context", context);
        check("recommended", recommended);
    }

    private static void check(String role, String name) {
        Objects.requireNonNull(name, role);
        if (name.isEmpty() || name.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("CSV column name for " + role
                    + " must be non-empty without commas, quotes or line breaks, got '" + name + "'");
        }
    }

    /** The header line, without a line break. */
    public String line() {
        return String.join(",", user, item, context, recommended);
    }
}
