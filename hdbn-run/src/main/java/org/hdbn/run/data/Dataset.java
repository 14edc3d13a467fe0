package org.hdbn.run.data;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hdbn.data.Interactions;
import org.hdbn.gate.EntityFeatures;
import org.hdbn.tensor.Tensor;

/**
 * A recommendation data set as the run layer sees it: users, items and contexts numbered from 0
 * with their external ids ({@link EntityIds}), training and validation interactions (and an
 * optional test split), item tables (a float matrix per name, one row per item, e.g. the songs'
 * mood distributions {@code song_mood}), categorical columns of items (e.g. {@code genre}) and of
 * users (e.g. the published {@code group}), and a fingerprint of what it was read from, so a model
 * trained on it refuses other data.
 *
 * <p>Everything a model spec may name comes from here: the dimensions ({@link #dims()}, e.g.
 * {@code users}, {@code items}, {@code song_mood.width}; see {@link DatasetDims} for the names and
 * the aliases the built-in specs use), the item tables, and the entity features a fitted resource
 * (a gate) is fitted on ({@link #entityFeatures(String)}, e.g. {@code user_genre_histogram}).
 *
 * <p>An implementation is immutable; the arrays it returns are shared and must not be mutated.
 * EmoMusicLJ's loader, RecBole's atomic files and a model folder's saved copy of its training
 * data are implementations.
 */
public interface Dataset {

    /** A short name for reports and provenance, e.g. {@code EmoMusicLJ-small}. */
    String name();

    /** Where it was read from, if it was read from a folder (recorded with a trained model). */
    Optional<Path> location();

    /** {@code sha256:<hex>} over what it was read from; equal data give equal fingerprints. */
    String fingerprint();

    /** The users: index to external id and display label. */
    EntityIds users();

    /** The items. */
    EntityIds items();

    /** The contexts of an interaction (for EmoMusicLJ: the emotion tags, whose ids are their names). */
    EntityIds contexts();

    /** Training triples (user, item, context). */
    Interactions train();

    /** Validation triples (empty when the data set has none). */
    Interactions validation();

    /** Held-back test triples, when the data set has them. */
    Optional<Interactions> test();

    /**
     * Item tables by name: each a matrix of {@code items().size()} rows (row {@code i} describes
     * item {@code i}), e.g. {@code song_mood} (songs x 9 moods). Nodes read them with
     * {@code {"type": "table", "table": NAME}}.
     */
    Map<String, Tensor> itemTables();

    /** Categorical item columns by name, e.g. {@code genre}: one category per item. */
    Map<String, CategoryColumn> itemCategories();

    /** Categorical user columns by name, e.g. {@code group} (EmoMusicLJ's published user groups). */
    Map<String, CategoryColumn> userCategories();

    /**
     * Reads further interactions (an evaluation split) in this data set's own file format, checking
     * every user, item and context against this data set.
     *
     * @throws org.hdbn.io.DataFormatException naming the file, line and field of the first problem
     */
    Interactions readInteractions(Path file);

    /**
     * Refuses to serve a model trained on other data.
     *
     * @throws org.hdbn.io.DataFormatException if {@code expected} is not this data set's fingerprint
     */
    default void requireFingerprint(String expected) {
        if (!fingerprint().equals(expected)) {
            throw new org.hdbn.io.DataFormatException(location().map(Path::toString).orElse(name())
                    + ": data fingerprint " + fingerprint() + " differs from the expected " + expected
                    + " (the model was trained on other data)");
        }
    }

    /** The dimensions a spec may name, by {@link DatasetDims#of}. */
    default Map<String, Integer> dims() {
        return DatasetDims.of(this);
    }

    /** Names of the entity features {@link #entityFeatures(String)} computes. */
    default Set<String> entityFeatureNames() {
        return EntityFeatureCatalog.names(this);
    }

    /**
     * Named per-entity feature rows, fitted on by resources such as gates: for every item category
     * {@code C}, {@code user_C_histogram} is each user's normalised histogram of {@code C} over
     * their training items (HDBN clusters users on {@code user_genre_histogram}).
     *
     * @throws org.hdbn.graph.SpecException for an unknown name, naming the nearest known ones
     */
    default EntityFeatures entityFeatures(String name) {
        return EntityFeatureCatalog.compute(this, name);
    }
}
