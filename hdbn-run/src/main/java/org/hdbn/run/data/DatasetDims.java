package org.hdbn.run.data;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hdbn.tensor.Tensor;

/**
 * The dimensions a spec may name, computed from a {@link Dataset} by one rule for every data set:
 *
 * <ul>
 *   <li>{@code users}, {@code items}, {@code contexts}: the number of each;
 *   <li>{@code train}: the number of training triples (Bayesian layers scale their KL by it);
 *   <li>{@code T.width} for every item table {@code T}: its columns (e.g. {@code song_mood.width});
 *   <li>{@code C.count} for every item or user category column {@code C}: its number of categories
 *       (e.g. {@code genre.count}, {@code group.count}).
 * </ul>
 *
 * and the aliases the built-in specs were written with, each defined when what it names is:
 * {@value #ALIAS_DOC}.
 */
public final class DatasetDims {

    static final String ALIAS_DOC = "songs = items, tags = contexts, moods = song_mood.width, "
            + "genres = genre.count, groups = group.count";

    /** Alias to canonical name, in the order listed. */
    public static final Map<String, String> ALIASES = aliases();

    private DatasetDims() {
    }

    public static Map<String, Integer> of(Dataset data) {
        Map<String, Integer> dims = new LinkedHashMap<>();
        dims.put("users", data.users().size());
        dims.put("items", data.items().size());
        dims.put("contexts", data.contexts().size());
        dims.put("train", data.train().size());
        for (Map.Entry<String, Tensor> t : data.itemTables().entrySet()) {
            put(dims, t.getKey() + ".width", t.getValue().cols());
        }
        for (Map.Entry<String, CategoryColumn> c : data.itemCategories().entrySet()) {
            put(dims, c.getKey() + ".count", c.getValue().count());
        }
        for (Map.Entry<String, CategoryColumn> c : data.userCategories().entrySet()) {
            put(dims, c.getKey() + ".count", c.getValue().count());
        }
        for (Map.Entry<String, String> a : ALIASES.entrySet()) {
            Integer v = dims.get(a.getValue());
            if (v != null) {
                put(dims, a.getKey(), v);
            }
        }
        return Map.copyOf(dims);
    }

    private static void put(Map<String, Integer> dims, String name, int value) {
        if (dims.putIfAbsent(name, value) != null) {
            throw new IllegalArgumentException("dimension '" + name + "' is defined twice (an item and a user category "
                    + "of the same name?)");
        }
    }

    private static Map<String, String> aliases() {
        Map<String, String> a = new LinkedHashMap<>();
        for (String pair : ALIAS_DOC.split(", ")) {
            String[] kv = pair.split(" = ");
            a.put(kv[0], kv[1]);
        }
        return java.util.Collections.unmodifiableMap(a);
    }
}
