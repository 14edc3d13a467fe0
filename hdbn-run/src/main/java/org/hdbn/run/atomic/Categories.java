package org.hdbn.run.atomic;

import java.util.Arrays;
import java.util.Objects;

/**
 * A token field of {@code .item} or {@code .user} as a category per entity, e.g. each song's genre.
 *
 * @param values the field's distinct tokens, by category id ({@link Vocabulary#sorted})
 * @param ids    the category id of each entity (item or user id); not copied, not to be mutated
 */
public record Categories(Vocabulary values, int[] ids) {

    public Categories {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(ids, "ids");
        for (int e = 0; e < ids.length; e++) {
            Objects.checkIndex(ids[e], values.size());
        }
    }

    /** Number of categories. */
    public int size() {
        return values.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Categories other && values.equals(other.values) && Arrays.equals(ids, other.ids);
    }

    @Override
    public int hashCode() {
        return 31 * values.hashCode() + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "Categories[" + values.size() + " values, " + ids.length + " entities]";
    }
}
