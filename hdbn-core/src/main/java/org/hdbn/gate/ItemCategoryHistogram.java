package org.hdbn.gate;

import java.util.Objects;
import org.hdbn.data.Interactions;

/**
 * Builds, for each entity (the {@code users} column of {@link Interactions}), the normalised
 * histogram of the categories of the items it interacted with: entry {@code c} is the fraction of
 * the entity's interactions whose item has category {@code c}. Every interaction counts, so an
 * item met three times weighs three times. HDBN (Jing et al., arXiv 2406.14090) clusters users on
 * this histogram with genres as categories.
 *
 * <p>An entity with no interactions has a row of zeros and is flagged as missing; it is kept, not
 * dropped (gates send it to their fallback group).
 */
public final class ItemCategoryHistogram {

    private final int[] itemCategory;
    private final int numCategories;

    /**
     * @param itemCategory the category of each item (copied), each in {@code [0, numCategories)}
     * @param numCategories number of categories, the length of every histogram
     * @throws IllegalArgumentException naming the first item with an out-of-range category
     */
    public ItemCategoryHistogram(int[] itemCategory, int numCategories) {
        Objects.requireNonNull(itemCategory, "itemCategory");
        if (numCategories < 1) {
            throw new IllegalArgumentException("numCategories = " + numCategories
                    + ", expected at least 1");
        }
        for (int i = 0; i < itemCategory.length; i++) {
            if (itemCategory[i] < 0 || itemCategory[i] >= numCategories) {
                throw new IllegalArgumentException("itemCategory[" + i + "] = " + itemCategory[i]
                        + " is outside [0, " + numCategories + ")");
            }
        }
        this.itemCategory = itemCategory.clone();
        this.numCategories = numCategories;
    }

    /**
     * The histograms of entities {@code 0 .. numEntities-1}.
     *
     * @param numEntities number of entities, so that entities with no interactions at the end of
     *     the range are kept
     * @throws IllegalArgumentException naming the first interaction whose user is outside
     *     {@code [0, numEntities)} or whose item has no category
     */
    public EntityFeatures build(Interactions interactions, int numEntities) {
        Objects.requireNonNull(interactions, "interactions");
        if (numEntities < 0) {
            throw new IllegalArgumentException("numEntities = " + numEntities + " is negative");
        }
        double[][] rows = new double[numEntities][numCategories];
        int[] totals = new int[numEntities];
        int[] users = interactions.users();
        int[] items = interactions.items();
        for (int r = 0; r < users.length; r++) {
            int u = users[r];
            int i = items[r];
            if (u < 0 || u >= numEntities) {
                throw new IllegalArgumentException("interaction " + r + ": user " + u
                        + " is outside [0, " + numEntities + ")");
            }
            if (i < 0 || i >= itemCategory.length) {
                throw new IllegalArgumentException("interaction " + r + ": item " + i
                        + " has no category (categories are known for items [0, "
                        + itemCategory.length + "))");
            }
            rows[u][itemCategory[i]]++;
            totals[u]++;
        }
        boolean[] missing = new boolean[numEntities];
        for (int u = 0; u < numEntities; u++) {
            if (totals[u] == 0) {
                missing[u] = true;
                continue;
            }
            for (int c = 0; c < numCategories; c++) {
                rows[u][c] /= totals[u];
            }
        }
        return new EntityFeatures(rows, missing);
    }

    /** Length of every histogram. */
    public int numCategories() {
        return numCategories;
    }
}
