package org.hdbn.run.data;

import java.util.Set;
import java.util.TreeSet;
import org.hdbn.gate.EntityFeatures;
import org.hdbn.gate.ItemCategoryHistogram;
import org.hdbn.graph.SpecException;
import org.hdbn.text.NearestNames;

/**
 * The entity features every {@link Dataset} offers by default: for each item category {@code C},
 * {@code user_C_histogram}, each user's normalised histogram of {@code C} over their training
 * items ({@link ItemCategoryHistogram}; a user without training items has a row of zeros).
 */
final class EntityFeatureCatalog {

    private static final String PREFIX = "user_";
    private static final String SUFFIX = "_histogram";

    private EntityFeatureCatalog() {
    }

    static Set<String> names(Dataset data) {
        Set<String> names = new TreeSet<>();
        data.itemCategories().keySet().forEach(c -> names.add(PREFIX + c + SUFFIX));
        return names;
    }

    static EntityFeatures compute(Dataset data, String name) {
        if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && name.length() > PREFIX.length() + SUFFIX.length()) {
            CategoryColumn column = data.itemCategories().get(
                    name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
            if (column != null) {
                return new ItemCategoryHistogram(column.codes(), column.count()).build(data.train(), data.users().size());
            }
        }
        Set<String> known = data.entityFeatureNames();
        throw new SpecException("data set '" + data.name() + "' has no entity features named '" + name + "'"
                + NearestNames.didYouMean(name, known) + "; it has " + known);
    }
}
