package org.hdbn.run.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hdbn.data.Interactions;
import org.hdbn.tensor.Tensor;

/**
 * A {@link Dataset} held as given: a copy of another ({@link #copyOf}), the training data a model
 * folder saves so the model serves without its data folder, or a data set built in code. It reads
 * evaluation files through the installed {@link InteractionsFormat}s. A loader whose data set has
 * accessors of its own (EmoMusicLJ's songs and moods) may extend it and read its own file format.
 */
public class InMemoryDataset implements Dataset {

    private final String name;
    private final Path location;
    private final String fingerprint;
    private final EntityIds users;
    private final EntityIds items;
    private final EntityIds contexts;
    private final Interactions train;
    private final Interactions validation;
    private final Interactions test;
    private final Map<String, Tensor> itemTables;
    private final Map<String, CategoryColumn> itemCategories;
    private final Map<String, CategoryColumn> userCategories;

    /**
     * @param location  where it was read from, or null
     * @param test      the test split, or null
     */
    public InMemoryDataset(String name, Path location, String fingerprint, EntityIds users, EntityIds items,
            EntityIds contexts, Interactions train, Interactions validation, Interactions test,
            Map<String, Tensor> itemTables, Map<String, CategoryColumn> itemCategories,
            Map<String, CategoryColumn> userCategories) {
        this.name = Objects.requireNonNull(name, "name");
        this.location = location;
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        this.users = Objects.requireNonNull(users, "users");
        this.items = Objects.requireNonNull(items, "items");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.train = Objects.requireNonNull(train, "train");
        this.validation = Objects.requireNonNull(validation, "validation");
        this.test = test;
        this.itemTables = Map.copyOf(itemTables);
        this.itemCategories = Map.copyOf(itemCategories);
        this.userCategories = Map.copyOf(userCategories);
        for (Map.Entry<String, Tensor> t : this.itemTables.entrySet()) {
            if (t.getValue().rows() != items.size()) {
                throw new IllegalArgumentException("item table " + t.getKey() + ": " + t.getValue().rows() + " rows for "
                        + items.size() + " items");
            }
        }
        requireLength(this.itemCategories, items.size(), "item");
        requireLength(this.userCategories, users.size(), "user");
        for (Interactions split : new Interactions[] {train, validation, test}) {
            if (split != null && (split.userBound() > users.size() || split.itemBound() > items.size()
                    || split.contextBound() > contexts.size())) {
                throw new IllegalArgumentException("an interaction names a user, item or context beyond the "
                        + users.size() + " users, " + items.size() + " items, " + contexts.size() + " contexts");
            }
        }
    }

    /** A copy of every part of {@code data} (arrays shared). */
    public static InMemoryDataset copyOf(Dataset data) {
        return new InMemoryDataset(data.name(), data.location().orElse(null), data.fingerprint(), data.users(),
                data.items(), data.contexts(), data.train(), data.validation(), data.test().orElse(null),
                data.itemTables(), data.itemCategories(), data.userCategories());
    }

    private static void requireLength(Map<String, CategoryColumn> columns, int n, String what) {
        for (Map.Entry<String, CategoryColumn> c : columns.entrySet()) {
            if (c.getValue().codes().length != n) {
                throw new IllegalArgumentException(what + " category " + c.getKey() + ": " + c.getValue().codes().length
                        + " codes for " + n + " " + what + "s");
            }
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Optional<Path> location() {
        return Optional.ofNullable(location);
    }

    @Override
    public final String fingerprint() {
        return fingerprint;
    }

    @Override
    public final EntityIds users() {
        return users;
    }

    @Override
    public final EntityIds items() {
        return items;
    }

    @Override
    public final EntityIds contexts() {
        return contexts;
    }

    @Override
    public final Interactions train() {
        return train;
    }

    @Override
    public final Interactions validation() {
        return validation;
    }

    @Override
    public final Optional<Interactions> test() {
        return Optional.ofNullable(test);
    }

    @Override
    public final Map<String, Tensor> itemTables() {
        return itemTables;
    }

    @Override
    public final Map<String, CategoryColumn> itemCategories() {
        return itemCategories;
    }

    @Override
    public final Map<String, CategoryColumn> userCategories() {
        return userCategories;
    }

    /** Through the first installed {@link InteractionsFormat} that accepts the file. */
    @Override
    public Interactions readInteractions(Path file) {
        return InteractionsFormat.readWithInstalled(file, this);
    }

    @Override
    public String toString() {
        return "InMemoryDataset[" + name + ": " + users.size() + " users, " + items.size() + " items, " + contexts.size()
                + " contexts, " + train.size() + " train, " + validation.size() + " validation]";
    }
}
