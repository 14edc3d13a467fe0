package org.hdbn.run.data;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.hdbn.text.NearestNames;

/**
 * The external ids of one kind of entity (users, items or contexts) by 0-based index, and a
 * display label for each (for a song, "artist - title"; where there is nothing better, the id).
 * A saved model keeps them, so it recommends for an external user id or a tag name without its
 * data folder.
 *
 * @param ids     external id of each index, unique
 * @param labels  display label of each index, as many as ids
 */
public record EntityIds(List<String> ids, List<String> labels) {

    public EntityIds {
        ids = List.copyOf(ids);
        labels = labels == null ? ids : List.copyOf(labels);
        if (labels.size() != ids.size()) {
            throw new IllegalArgumentException(ids.size() + " ids but " + labels.size() + " labels");
        }
    }

    /** Ids that are their labels. */
    public static EntityIds of(List<String> ids) {
        return new EntityIds(ids, null);
    }

    /** Entities with no external ids: the id of index {@code i} is {@code "i"}. */
    public static EntityIds numbered(int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = Integer.toString(i);
        }
        return of(List.of(ids));
    }

    public int size() {
        return ids.size();
    }

    public String id(int index) {
        return ids.get(index);
    }

    public String label(int index) {
        return labels.get(index);
    }

    /**
     * The index of an entity given by its external id (exactly, else ignoring case), else by a
     * 0-based index written as digits.
     *
     * @param what what the entities are, for the error message (e.g. {@code "emotion tag"})
     * @throws IllegalArgumentException naming the nearest ids when nothing matches
     */
    public int resolve(String given, String what) {
        String g = given.trim();
        Map<String, Integer> exact = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            exact.putIfAbsent(ids.get(i), i);
        }
        Integer hit = exact.get(g);
        if (hit != null) {
            return hit;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).toLowerCase(Locale.ROOT).equals(g.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        if (!g.isEmpty() && g.chars().allMatch(Character::isDigit) && g.length() < 10) {
            int i = Integer.parseInt(g);
            if (i < ids.size()) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + given + "'" + NearestNames.didYouMean(given, ids)
                + " (" + ids.size() + " of them, indexes 0.." + (ids.size() - 1) + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntityIds other && ids.equals(other.ids) && labels.equals(other.labels);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ids, labels);
    }
}
