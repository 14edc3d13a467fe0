package org.hdbn.run.data;

import java.util.Arrays;

/**
 * One category per entity (e.g. each song's genre), as 0-based codes below {@code count}.
 *
 * @param codes  code of each entity; shared, not copied
 * @param count  number of categories (the length of a histogram over them)
 */
public record CategoryColumn(int[] codes, int count) {

    public CategoryColumn {
        if (count < 1) {
            throw new IllegalArgumentException("a category column needs at least one category, got " + count);
        }
        for (int e = 0; e < codes.length; e++) {
            if (codes[e] < 0 || codes[e] >= count) {
                throw new IllegalArgumentException("entity " + e + ": category " + codes[e] + " outside [0, " + count + ")");
            }
        }
    }

    /** Codes numbered by what occurs: {@code count} is one more than the largest code (at least 1). */
    public static CategoryColumn of(int[] codes) {
        return new CategoryColumn(codes, Math.max(1, Arrays.stream(codes).max().orElse(-1) + 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CategoryColumn other && count == other.count && Arrays.equals(codes, other.codes);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(codes) + count;
    }

    @Override
    public String toString() {
        return "CategoryColumn[" + codes.length + " entities, " + count + " categories]";
    }
}
