package org.hdbn.eval;

import java.util.Objects;

/**
 * Column names of a recommendation export: the triple's user, item and context columns, the column
 * holding the recommended items among the candidates (the user's training items removed), and
 * optionally a column holding the best items among all items ({@link Protocol#FULL}). Core gives
 * the columns no domain meaning; an application passes its own names (the EmoMusicLJ export uses
 * {@code user_id,song_id,emo_id,recommended,recommended_full}).
 *
 * @param recommendedFull the name of the unexcluded list's column, or null for an export without it
 */
public record CsvHeader(String user, String item, String context, String recommended, String recommendedFull) {

    /** Domain-free names: {@code user_id,item_id,context_id,recommended,recommended_full}. */
    public static final CsvHeader GENERIC = new CsvHeader("user_id", "item_id", "context_id", "recommended",
            "recommended_full");

    public CsvHeader {
        check("user", user);
        check("item", item);
        check("context", context);
        check("recommended", recommended);
        if (recommendedFull != null) {
            check("recommendedFull", recommendedFull);
        }
    }

    /** A header without the column of unexcluded lists. */
    public CsvHeader(String user, String item, String context, String recommended) {
        this(user, item, context, recommended, null);
    }

    private static void check(String role, String name) {
        Objects.requireNonNull(name, role);
        if (name.isEmpty() || name.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("CSV column name for " + role
                    + " must be non-empty without commas, quotes or line breaks, got '" + name + "'");
        }
    }

    /** Whether the export has the column of unexcluded lists. */
    public boolean hasFull() {
        return recommendedFull != null;
    }

    /** Number of columns. */
    public int columns() {
        return hasFull() ? 5 : 4;
    }

    /** The header line, without a line break. */
    public String line() {
        String line = String.join(",", user, item, context, recommended);
        return hasFull() ? line + "," + recommendedFull : line;
    }
}
