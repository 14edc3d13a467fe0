package org.hdbn.run.atomic;

import java.util.Objects;

/**
 * How to read an atomic data set.
 *
 * @param contextField the {@code .inter} token field to read as the context, or null to take the one
 *                     token field besides {@code user_id} and {@code item_id} (none: one context)
 * @param unknownIds   what to do with evaluation rows of unknown ids
 */
public record AtomicOptions(String contextField, UnknownIds unknownIds) {

    public AtomicOptions {
        Objects.requireNonNull(unknownIds, "unknownIds");
    }

    /** The context field found by itself; unknown ids refused. */
    public static AtomicOptions defaults() {
        return new AtomicOptions(null, UnknownIds.FAIL);
    }
}
