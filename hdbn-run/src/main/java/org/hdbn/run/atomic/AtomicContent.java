package org.hdbn.run.atomic;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hdbn.data.Interactions;

/**
 * What an atomic data set holds once its tokens are dense ids: the users, items and contexts,
 * the training and validation triples (user, item, context), and per item the tables (its
 * {@code float_seq} fields, e.g. {@code song_mood}) and categories (its {@code token} fields, e.g.
 * {@code genre}), per user the categories (the {@code token} fields of {@code .user}), and display
 * labels (the {@code label} token field of {@code .item} or {@code .user}, e.g. "artist - title",
 * which is not a category). Written by {@link AtomicContentWriter}, read back equal by
 * {@link AtomicDataLoader}.
 *
 * @param contextField    the {@code .inter} token field read as the context, or null when the data
 *                        set has none (then there is one context, {@link #NO_CONTEXT}, for every row)
 * @param users           user ids ({@code user_id} tokens)
 * @param items           item ids ({@code item_id} tokens)
 * @param contexts        context ids (tokens of {@code contextField})
 * @param train           training triples, in file order
 * @param valid           validation triples, in file order
 * @param itemTables      per {@code float_seq} field of {@code .item}: items x width, in header order
 * @param itemCategories  per {@code token} field of {@code .item} other than {@code item_id} and {@code label}
 * @param userCategories  per {@code token} field of {@code .user} other than {@code user_id} and {@code label}
 * @param itemLabels      per item its {@code label}, or null when {@code .item} has none
 * @param userLabels      per user its {@code label}, or null when {@code .user} has none
 */
public record AtomicContent(String contextField, Vocabulary users, Vocabulary items, Vocabulary contexts,
        Interactions train, Interactions valid, Map<String, double[][]> itemTables,
        Map<String, Categories> itemCategories, Map<String, Categories> userCategories, List<String> itemLabels,
        List<String> userLabels) {

    /** The field of user ids in {@code .inter} and {@code .user}. */
    public static final String USER_ID = "user_id";
    /** The field of item ids in {@code .inter} and {@code .item}. */
    public static final String ITEM_ID = "item_id";
    /** The token field of {@code .item} and {@code .user} holding display labels. */
    public static final String LABEL = "label";
    /** The one context of a data set without a context field. */
    public static final String NO_CONTEXT = "(none)";

    public AtomicContent {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(contexts, "contexts");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(valid, "valid");
        itemTables = Collections.unmodifiableMap(new LinkedHashMap<>(itemTables));
        itemCategories = Collections.unmodifiableMap(new LinkedHashMap<>(itemCategories));
        userCategories = Collections.unmodifiableMap(new LinkedHashMap<>(userCategories));
        if (contextField == null && !contexts.tokens().equals(List.of(NO_CONTEXT))) {
            throw new IllegalArgumentException("without a context field the one context is " + NO_CONTEXT);
        }
        for (Interactions split : List.of(train, valid)) {
            if (split.userBound() > users.size() || split.itemBound() > items.size()
                    || split.contextBound() > contexts.size()) {
                throw new IllegalArgumentException("an interaction's id is outside the vocabularies");
            }
        }
        itemTables.forEach((name, table) -> requireRows("table " + name, table.length, items.size()));
        itemCategories.forEach((name, c) -> requireRows("item category " + name, c.ids().length, items.size()));
        userCategories.forEach((name, c) -> requireRows("user category " + name, c.ids().length, users.size()));
        itemLabels = itemLabels == null ? null : List.copyOf(itemLabels);
        userLabels = userLabels == null ? null : List.copyOf(userLabels);
        if (itemLabels != null) {
            requireRows("item labels", itemLabels.size(), items.size());
        }
        if (userLabels != null) {
            requireRows("user labels", userLabels.size(), users.size());
        }
    }

    private static void requireRows(String what, int rows, int expected) {
        if (rows != expected) {
            throw new IllegalArgumentException(what + ": " + rows + " rows for " + expected + " entities");
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AtomicContent other)) {
            return false;
        }
        return Objects.equals(contextField, other.contextField) && users.equals(other.users)
                && items.equals(other.items) && contexts.equals(other.contexts) && train.equals(other.train)
                && valid.equals(other.valid) && itemCategories.equals(other.itemCategories)
                && userCategories.equals(other.userCategories) && tablesEqual(itemTables, other.itemTables)
                && Objects.equals(itemLabels, other.itemLabels) && Objects.equals(userLabels, other.userLabels);
    }

    private static boolean tablesEqual(Map<String, double[][]> a, Map<String, double[][]> b) {
        return a.keySet().equals(b.keySet()) && a.entrySet().stream()
                .allMatch(e -> Arrays.deepEquals(e.getValue(), b.get(e.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(contextField, users, items, contexts, train, valid, itemCategories, userCategories,
                itemTables.keySet(), itemLabels, userLabels);
    }

    @Override
    public String toString() {
        return users.size() + " users, " + items.size() + " items, " + contexts.size() + " contexts ("
                + (contextField == null ? "no context field" : contextField) + "), " + train.size() + " train, "
                + valid.size() + " valid; item tables " + itemTables.keySet() + ", item categories "
                + itemCategories.keySet() + ", user categories " + userCategories.keySet();
    }
}
