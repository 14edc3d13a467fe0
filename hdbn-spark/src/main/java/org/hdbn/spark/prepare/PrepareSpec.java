package org.hdbn.spark.prepare;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link DataPreparation} reads and how it splits.
 *
 * @param input interactions: a Parquet or CSV file or folder (Spark path syntax, globs allowed)
 * @param format {@code parquet} or {@code csv} (CSV: a header line, comma separated)
 * @param user the user id column
 * @param item the item id column
 * @param context the context column (e.g. the emotion tag); also the context field's name in the atomic files
 * @param time the timestamp column, or null; needed by {@link Split.Method#LEAVE_LAST_OUT}
 * @param split how rows are split into train, valid and test
 * @param items item features (Parquet or CSV, same format as the interactions), or null
 * @param itemKey the item id column of {@code items}
 * @param userGroups the user groups written to {@code NAME.user}, or null for none
 * @param out the folder the atomic-file data set is written to
 * @param name the data set's name, the stem of its files
 */
public record PrepareSpec(String input, String format, String user, String item, String context, String time,
        Split split, String items, String itemKey, UserGroups userGroups, Path out, String name) {

    public PrepareSpec {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(out, "out");
        if (!format.equals("parquet") && !format.equals("csv")) {
            throw new IllegalArgumentException("format must be parquet or csv, got '" + format + "'");
        }
        for (String[] c : new String[][] {{"user", user}, {"item", item}, {"context", context}}) {
            if (c[1] == null || c[1].isBlank()) {
                throw new IllegalArgumentException("the " + c[0] + " column must be named");
            }
        }
        if (split.method() == Split.Method.LEAVE_LAST_OUT && time == null) {
            throw new IllegalArgumentException("leave-last-out needs the timestamp column (--time COLUMN): "
                    + "without it no row is any user's last");
        }
        if (userGroups != null && items == null) {
            throw new IllegalArgumentException("user groups are fitted on an item category: give the item features (--items)");
        }
        if (name == null || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("the data set name must be a file stem, got '" + name + "'");
        }
    }

    /** The format a path's extension implies: {@code .csv} (or {@code .csv.gz}) is CSV, anything else Parquet. */
    public static String formatOf(String path) {
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.endsWith(".csv") || p.endsWith(".csv.gz") ? "csv" : "parquet";
    }
}
