package org.hdbn.gate;

import java.util.Objects;

/**
 * One feature row per entity, with the entities that have no features flagged (their rows are
 * all zeros). The rows are what a {@link GateFitter} takes.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them.
 *
 * @param rows {@code rows[e]} describes entity {@code e}
 * @param missing {@code missing[e]} is true when entity {@code e} has no features
 */
public record EntityFeatures(double[][] rows, boolean[] missing) {

    public EntityFeatures {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(missing, "missing");
        if (rows.length != missing.length) {
            throw new IllegalArgumentException("rows: " + rows.length + ", missing flags: "
                    + missing.length);
        }
    }

    /** Number of entities. */
    public int numEntities() {
        return rows.length;
    }

    /** True when entity {@code e} has features. */
    public boolean hasFeatures(int entity) {
        return !missing[entity];
    }

    /** Number of entities without features. */
    public int numMissing() {
        int n = 0;
        for (boolean m : missing) {
            if (m) {
                n++;
            }
        }
        return n;
    }
}
