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
import org.hdbn.run.data.InMemoryDataset;
import org.hdbn.run.data.EntityIds;
import org.hdbn.tensor.Tensor;

/**
 * One EmoMusicLJ-layout data set in memory (Jing et al., arXiv 2406.14090, section 5.1): users,
 * songs and emotion tags by 0-based index; training and validation triples (user, song, emotion
 * tag); per song a 9-d mood distribution and genre, artist and year ids; per user the paper's
 * group; song metadata when the id maps are at hand; and a fingerprint of the bytes it was loaded
 * from, so that a model trained on it can refuse to run on another data set.
 *
 * <p>As a {@link org.hdbn.run.data.Dataset}: the items are the songs (ids the original song ids, labels
 * "artist - title", where the metadata is known), the contexts the emotion tags (ids their names);
 * the item table {@code song_mood}; the item categories {@code genre}, {@code artist} and
 * {@code year}; the user category {@code group}.
 *
 * <p>Immutable: array accessors return copies. The {@link Interactions} are shared and, as that
 * record requires, must not be mutated. Built by {@link EmoMusicLoader}.
 */
public final class EmoMusicDataset extends InMemoryDataset {

    private final Path directory;
    private final List<String> emotionTags;
    private final double[][] songMood;
    private final int[] genres;
    private final int[] artists;
    private final int[] years;
    private final int[] userGroups;
    private final List<SongInfo> songs;
    private final int[] songIndexInFullSet;

    EmoMusicDataset(Path directory, List<String> emotionTags, Interactions train, Interactions validation,
            double[][] songMood, int[] genres, int[] artists, int[] years, int[] userGroups, List<SongInfo> songs,
            int[] songIndexInFullSet, String fingerprint) {
        super(directory.toAbsolutePath().normalize().getFileName().toString(), directory, fingerprint,
                EntityIds.numbered(userGroups.length), songIds(songs, songMood.length), EntityIds.of(emotionTags), train,
                validation, null, Map.of("song_mood", Tensor.matrix(songMood)), Map.of("genre", CategoryColumn.of(genres),
                        "artist", CategoryColumn.of(artists), "year", CategoryColumn.of(years)),
                Map.of("group", CategoryColumn.of(userGroups)));
        this.directory = Objects.requireNonNull(directory);
        this.emotionTags = List.copyOf(emotionTags);
        this.songMood = songMood;
        this.genres = genres;
        this.artists = artists;
        this.years = years;
        this.userGroups = userGroups;
        this.songs = songs == null ? null : List.copyOf(songs);
        this.songIndexInFullSet = songIndexInFullSet;
        int n = songMood.length;
        if (genres.length != n || artists.length != n || years.length != n || (songs != null && songs.size() != n)
                || (songIndexInFullSet != null && songIndexInFullSet.length != n)) {
            throw new IllegalArgumentException("per-song columns differ in length");
        }
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

    public int numUsers() {
        return userGroups.length;
    }

    public int numSongs() {
        return songMood.length;
    }

    public int numTags() {
        return emotionTags.size();
    }

    /** Emotion tag names by index, e.g. {@code accomplished} for 0. */
    public List<String> emotionTags() {
        return emotionTags;
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
                + " tags, " + train().size() + " train, " + validation().size() + " validation]";
    }
}
