package org.hdbn.examples.data;

import static org.hdbn.examples.data.EmoMusicLayout.ARTISTS;
import static org.hdbn.examples.data.EmoMusicLayout.EMOTION_MAP;
import static org.hdbn.examples.data.EmoMusicLayout.FULL_SET_FOLDER;
import static org.hdbn.examples.data.EmoMusicLayout.GENRES;
import static org.hdbn.examples.data.EmoMusicLayout.INDEX_TO_ITEM;
import static org.hdbn.examples.data.EmoMusicLayout.MOODS;
import static org.hdbn.examples.data.EmoMusicLayout.SONGS_MOOD;
import static org.hdbn.examples.data.EmoMusicLayout.SONG_META;
import static org.hdbn.examples.data.EmoMusicLayout.SONG_SUBSET_TO_FULL;
import static org.hdbn.examples.data.EmoMusicLayout.TRAIN;
import static org.hdbn.examples.data.EmoMusicLayout.TRIPLES;
import static org.hdbn.examples.data.EmoMusicLayout.USER_GROUPS;
import static org.hdbn.examples.data.EmoMusicLayout.VALIDATION;
import static org.hdbn.examples.data.EmoMusicLayout.YEARS;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hdbn.data.Interactions;
import org.hdbn.io.DataFormatException;
import org.hdbn.io.FingerprintReader;
import org.hdbn.io.Npy;

/**
 * Loads a folder in the layout the HDBN authors published (see {@link EmoMusicLayout} and
 * {@code ../shared/data/emomusiclj/README.md}): EmoMusicLJ, EmoMusicLJ-small, or data written by
 * {@link SyntheticEmoMusic}. Every file is validated; anything unexpected is a
 * {@link DataFormatException} naming the file and the line, key, row or field.
 *
 * <p>The users are the entries of {@code user2cluster.npy}; the songs the rows of
 * {@code songs_mood.npy}; the tags the entries of {@code emotion_map.json}, found in the folder or
 * its parent.
 *
 * <p>Subsets: a folder with {@code song_index_small2large.json} (EmoMusicLJ-small) is a subset of
 * the full set in the sibling folder {@code ../EmoMusicLJ}. The subset's own {@code songs_mood.npy}
 * is wrong as published (it holds the first rows of the full matrix, not the rows of the subset's
 * songs), so its moods are rebuilt as {@code full[song_index_small2large[s]]}; without the full
 * set beside it the subset is refused rather than loaded with the wrong moods. Song metadata of a
 * subset goes through the full set's {@code index2itemID.json}; where that is missing the data
 * still load, without metadata.
 */
public final class EmoMusicLoader {

    /** How far a mood row's sum may stray from 1 (the files hold float32 values). */
    public static final double MOOD_SUM_TOLERANCE = 1e-3;

    private EmoMusicLoader() {
    }

    /** Loads the data set in {@code dir}. */
    public static EmoMusicDataset load(Path dir) {
        requireDataSetFolder(dir);
        Path parent = dir.toAbsolutePath().normalize().getParent();
        FingerprintReader files = new FingerprintReader();

        Path emotionFile = emotionMap(dir, parent);
        List<String> tags = JsonFiles.indexedStrings(files.read("emotion_map", emotionFile), emotionFile.toString());
        if (tags.isEmpty()) {
            throw new DataFormatException(emotionFile + ": no emotion tags");
        }

        Path groupsFile = dir.resolve(USER_GROUPS);
        int[] userGroups = Npy.parseInts(files.read("user_groups", groupsFile), groupsFile.toString(), Npy.ANY);
        requireNonNegative(userGroups, groupsFile, "user");

        Path subsetMap = dir.resolve(SONG_SUBSET_TO_FULL);
        Path fullDir = parent == null ? null : parent.resolve(FULL_SET_FOLDER);
        int[] songToFull = null;
        double[][] mood;
        if (Files.exists(subsetMap)) {
            songToFull = JsonFiles.indexedInts(files.read("song_subset_to_full", subsetMap), subsetMap.toString());
            mood = subsetMood(files, dir, subsetMap, songToFull, fullDir);
        } else {
            mood = readMood(files, "songs_mood", dir.resolve(SONGS_MOOD));
        }
        int numSongs = mood.length;
        int[] genres = readPerSong(files, dir.resolve(GENRES), numSongs);
        int[] artists = readPerSong(files, dir.resolve(ARTISTS), numSongs);
        int[] years = readPerSong(files, dir.resolve(YEARS), numSongs);

        Path trainFile = dir.resolve(TRAIN);
        Interactions train = readTriples(files, "train", trainFile, userGroups.length, numSongs, tags.size());
        if (train.size() == 0) {
            throw new DataFormatException(trainFile + ": no rows after the header");
        }
        Interactions validation = readTriples(files, "validation", dir.resolve(VALIDATION), userGroups.length,
                numSongs, tags.size());

        List<SongInfo> songs = songToFull == null ? songInfo(files, dir.resolve(INDEX_TO_ITEM), dir, null, numSongs)
                : fullDir == null ? null : songInfo(files, fullDir.resolve(INDEX_TO_ITEM), dir, songToFull, numSongs);
        return new EmoMusicDataset(dir, tags, train, validation, mood, genres, artists, years, userGroups, songs,
                songToFull, files.fingerprint());
    }

    /**
     * Refuses a path that is not a data set folder, saying what it is instead: missing, a file,
     * or a folder holding data sets (it names them) rather than one. A folder that is neither
     * passes: the file it lacks is named when it is read.
     */
    static void requireDataSetFolder(Path dir) {
        if (Files.isRegularFile(dir)) {
            throw new DataFormatException(dir + ": is a file; give the data set's folder (the one holding " + TRAIN + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir + ": data set directory not found");
        }
        if (Files.exists(dir.resolve(TRAIN))) {
            return;
        }
        List<String> inside = new java.util.ArrayList<>();
        try (var children = Files.list(dir)) {
            children.filter(c -> Files.isRegularFile(c.resolve(TRAIN))).map(c -> c.getFileName().toString()).sorted()
                    .forEach(inside::add);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (!inside.isEmpty()) {
            throw new DataFormatException(dir + ": not a data set folder (no " + TRAIN + "); the data sets inside it are "
                    + inside + ": give one of them, e.g. " + dir.resolve(inside.get(0)));
        }
    }

    private static Path emotionMap(Path dir, Path parent) {
        Path here = dir.resolve(EMOTION_MAP);
        if (Files.exists(here) || parent == null) {
            return here;
        }
        Path above = parent.resolve(EMOTION_MAP);
        if (!Files.exists(above)) {
            throw new DataFormatException(EMOTION_MAP + " not found: looked for " + here + " and " + above);
        }
        return above;
    }

    private static double[][] subsetMood(FingerprintReader files, Path dir, Path subsetMap, int[] songToFull,
            Path fullDir) {
        Path fullMoodFile = fullDir == null ? null : fullDir.resolve(SONGS_MOOD);
        if (fullMoodFile == null || !Files.isRegularFile(fullMoodFile)) {
            throw new DataFormatException(dir + " is a subset of " + FULL_SET_FOLDER + " (it has " + SONG_SUBSET_TO_FULL
                    + "). Its own " + SONGS_MOOD + " is known to be wrong as published (it holds the first rows of "
                    + "the full matrix, not its songs' rows), so its moods are taken from the full set's " + SONGS_MOOD
                    + ", expected at " + fullMoodFile + ", which is missing. Put the " + FULL_SET_FOLDER
                    + " folder beside " + dir.getFileName() + ".");
        }
        double[][] full = readMood(files, "full_songs_mood", fullMoodFile);
        double[][] mood = new double[songToFull.length][];
        for (int s = 0; s < songToFull.length; s++) {
            int f = songToFull[s];
            if (f < 0 || f >= full.length) {
                throw new DataFormatException(subsetMap + ": key \"" + s + "\": full-set song index " + f
                        + " out of range (" + fullMoodFile + " has " + full.length + " rows)");
            }
            mood[s] = full[f].clone();
        }
        return mood;
    }

    private static double[][] readMood(FingerprintReader files, String label, Path file) {
        double[][] mood = Npy.parseFloat64Matrix(files.read(label, file), file.toString(), MOODS);
        for (int s = 0; s < mood.length; s++) {
            double sum = 0;
            for (int c = 0; c < MOODS; c++) {
                if (mood[s][c] < 0) {
                    throw new DataFormatException(file + ": song row " + s + ", column " + c + ": negative mood "
                            + mood[s][c]);
                }
                sum += mood[s][c];
            }
            if (Math.abs(sum - 1) > MOOD_SUM_TOLERANCE) {
                throw new DataFormatException(file + ": song row " + s + ": moods sum to " + sum + ", expected 1 within "
                        + MOOD_SUM_TOLERANCE);
            }
        }
        return mood;
    }

    private static int[] readPerSong(FingerprintReader files, Path file, int numSongs) {
        String label = file.getFileName().toString();
        int[] values = Npy.parseInts(files.read(label, file), file + " (one id per song, " + numSongs + " songs)",
                numSongs);
        requireNonNegative(values, file, "song");
        return values;
    }

    private static Interactions readTriples(FingerprintReader files, String label, Path file, int users, int songs,
            int tags) {
        return TRIPLES.parse(files.read(label, file), file.toString(), users, songs, tags);
    }

    /** Metadata per song via index -> original id -> [artist, title, genre, year]; null when a file is absent. */
    private static List<SongInfo> songInfo(FingerprintReader files, Path indexFile, Path dir, int[] songToFull,
            int numSongs) {
        Path metaFile = dir.resolve(SONG_META);
        if (!Files.isRegularFile(indexFile) || !Files.isRegularFile(metaFile)) {
            return null;
        }
        List<String> ids = JsonFiles.indexedStrings(files.read("index_to_item", indexFile), indexFile.toString());
        Map<String, SongInfo> meta = JsonFiles.songMeta(files.read("song_meta", metaFile), metaFile.toString());
        if (songToFull == null && ids.size() != numSongs) {
            throw new DataFormatException(indexFile + ": " + ids.size() + " song ids for " + numSongs + " songs");
        }
        List<SongInfo> songs = new ArrayList<>(numSongs);
        for (int s = 0; s < numSongs; s++) {
            int index = songToFull == null ? s : songToFull[s];
            if (index >= ids.size()) {
                throw new DataFormatException(indexFile + ": no key \"" + index + "\" (needed for song " + s + ")");
            }
            SongInfo info = meta.get(ids.get(index));
            if (info == null) {
                throw new DataFormatException(metaFile + ": no entry for original song id \"" + ids.get(index)
                        + "\" (song " + s + ", from " + indexFile.getFileName() + ")");
            }
            songs.add(info);
        }
        return songs;
    }

    private static void requireNonNegative(int[] values, Path file, String what) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0) {
                throw new DataFormatException(file + ": " + what + " " + i + ": negative id " + values[i]);
            }
        }
    }
}
