package org.hdbn.examples.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hdbn.data.Interactions;
import org.hdbn.run.data.CategoryColumn;
import org.hdbn.run.data.Dataset;
import org.hdbn.run.data.EntityIds;
import org.hdbn.tensor.Tensor;

/**
 * One EmoMusicLJ-layout data set in memory (Jing et al., arXiv 2406.14090, section 5.1): users,
 * songs and emotion tags by 0-based index; training and validation triples (user, song, emotion
 * tag); per song a 9-d mood distribution and genre, artist and year ids; per user the paper's
 * group; song metadata when the id maps are at hand; and a fingerprint of the bytes it was loaded
 * from, so that a model trained on it can refuse to run on another data set.
 *
 * <p>As a {@link Dataset}: the items are the songs (ids the original song ids, labels
 * "artist - title", where the metadata is known), the contexts the emotion tags (ids their names);
 * the item table {@code song_mood}; the item categories {@code genre}, {@code artist} and
 * {@code year}; the user category {@code group}.
 *
 * <p>Immutable: array accessors return copies. The {@link Interactions} are shared and, as that
 * record requires, must not be mutated. Built by {@link EmoMusicLoader}.
 */
public final class EmoMusicDataset implements Dataset {

    private final Path directory;
    private final List<String> emotionTags;
    private final Interactions train;
    private final Interactions validation;
    private final double[][] songMood;
    private final int[] genres;
    private final int[] artists;
    private final int[] years;
    private final int[] userGroups;
    private final List<SongInfo> songs;
    private final int[] songIndexInFullSet;
    private final String fingerprint;
    private final EntityIds songIds;
    private final Map<String, Tensor> tables;
    private final Map<String, CategoryColumn> categories;

    EmoMusicDataset(Path directory, List<String> emotionTags, Interactions train, Interactions validation,
            double[][] songMood, int[] genres, int[] artists, int[] years, int[] userGroups, List<SongInfo> songs,
            int[] songIndexInFullSet, String fingerprint) {
        this.directory = Objects.requireNonNull(directory);
        this.emotionTags = List.copyOf(emotionTags);
        this.train = Objects.requireNonNull(train);
        this.validation = Objects.requireNonNull(validation);
        this.songMood = songMood;
        this.genres = genres;
        this.artists = artists;
        this.years = years;
        this.userGroups = userGroups;
        this.songs = songs == null ? null : List.copyOf(songs);
        this.songIndexInFullSet = songIndexInFullSet;
        this.fingerprint = Objects.requireNonNull(fingerprint);
        int n = songMood.length;
        if (genres.length != n || artists.length != n || years.length != n || (songs != null && songs.size() != n)
                || (songIndexInFullSet != null && songIndexInFullSet.length != n)) {
            throw new IllegalArgumentException("per-song columns differ in length");
        }
        this.songIds = songIds(this.songs, n);
        this.tables = Map.of("song_mood", Tensor.matrix(songMood));
        this.categories = Map.of("genre", CategoryColumn.of(genres), "artist", CategoryColumn.of(artists), "year",
                CategoryColumn.of(years));
    }

    /** The original song ids labelled "artist - title" where the metadata is known, else the indexes. */
    private static EntityIds songIds(List<SongInfo> songs, int n) {
        if (songs == null) {
            return EntityIds.numbered(n);
        }
        List<String> ids = new ArrayList<>(n);
        List<String> labels = new ArrayList<>(n);
        for (SongInfo info : songs) {
            ids.add(info.originalId());
            labels.add(info.artist() + " - " + info.title());
        }
        return new EntityIds(ids, labels);
    }

    /** The folder it was loaded from. */
    public Path directory() {
        return directory;
    }

    @Override
    public Optional<Path> location() {
        return Optional.of(directory);
    }

    /** The folder's name, e.g. {@code EmoMusicLJ-small}. */
    @Override
    public String name() {
        return directory.toAbsolutePath().normalize().getFileName().toString();
    }

    public int numUsers() {
        return userGroups.length;
    }

    public int numSongs() {
        return songMood.length;
    }

    public int numTags() {
        return emotionTags.size();
    }

    /** The users, by index (EmoMusicLJ's own user ids are not kept). */
    @Override
    public EntityIds users() {
        return EntityIds.numbered(numUsers());
    }

    /** The songs. */
    @Override
    public EntityIds items() {
        return songIds;
    }

    /** The emotion tags, by name. */
    @Override
    public EntityIds contexts() {
        return EntityIds.of(emotionTags);
    }

    /** None: the held-back test split is not loaded. */
    @Override
    public Optional<Interactions> test() {
        return Optional.empty();
    }

    /** {@code song_mood}. */
    @Override
    public Map<String, Tensor> itemTables() {
        return tables;
    }

    /** {@code genre}, {@code artist}, {@code year}. */
    @Override
    public Map<String, CategoryColumn> itemCategories() {
        return categories;
    }

    /** {@code group}: the paper's user groups. */
    @Override
    public Map<String, CategoryColumn> userCategories() {
        return Map.of("group", CategoryColumn.of(userGroups));
    }

    /** Emotion tag names by index, e.g. {@code accomplished} for 0. */
    public List<String> emotionTags() {
        return emotionTags;
    }

    /** Training triples (user, song, emotion tag). */
    @Override
    public Interactions train() {
        return train;
    }

    /** Validation triples, the authors' {@code UI5_index_validation.csv}. */
    @Override
    public Interactions validation() {
        return validation;
    }

    /** Songs x 9 mood distributions (columns as {@link EmoMusicLayout#MOOD_NAMES}); each row sums to 1. */
    public double[][] songMood() {
        double[][] copy = new double[songMood.length][];
        for (int s = 0; s < copy.length; s++) {
            copy[s] = songMood[s].clone();
        }
        return copy;
    }

    /** The mood distribution of one song. */
    public double[] songMood(int song) {
        return songMood[song].clone();
    }

    /** Genre id per song. */
    public int[] genres() {
        return genres.clone();
    }

    /** Artist id per song. */
    public int[] artists() {
        return artists.clone();
    }

    /** Release-year id per song. */
    public int[] years() {
        return years.clone();
    }

    /** The paper's user group per user ({@code user2cluster.npy}); for generated data the planted group. */
    public int[] userGroups() {
        return userGroups.clone();
    }

    /** One more than the largest genre id. */
    public int numGenres() {
        return Arrays.stream(genres).max().orElse(-1) + 1;
    }

    /** One more than the largest user group id. */
    public int numGroups() {
        return Arrays.stream(userGroups).max().orElse(-1) + 1;
    }

    /** Whether artist, title, genre and year names are known (they need the id maps). */
    public boolean hasSongMetadata() {
        return songs != null;
    }

    /** Artist, title, genre and year of a song, if the metadata is known. */
    public Optional<SongInfo> songInfo(int song) {
        Objects.checkIndex(song, numSongs());
        return songs == null ? Optional.empty() : Optional.of(songs.get(song));
    }

    /** For a subset such as EmoMusicLJ-small: each song's index in the full set. */
    public Optional<int[]> songIndexInFullSet() {
        return Optional.ofNullable(songIndexInFullSet).map(int[]::clone);
    }

    /** {@code sha256:<hex>} over the bytes of every file read, in a fixed order. */
    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Reads further triples (e.g. a held-back test split) in the triples format, checking every
     * index against this data set's users, songs and tags.
     */
    @Override
    public Interactions readInteractions(Path csv) {
        return EmoMusicLayout.TRIPLES.read(csv, numUsers(), numSongs(), numTags());
    }

    @Override
    public String toString() {
        return "EmoMusicDataset[" + name() + ": " + numUsers() + " users, " + numSongs() + " songs, " + numTags()
                + " tags, " + train.size() + " train, " + validation.size() + " validation]";
    }
}
