package org.hdbn.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hdbn.io.Npy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EmoMusicLJ and EmoMusicLJ-small as published; skipped visibly when the data are not at hand. */
class EmoMusicRealDataTest {

    private static Path root;
    private static EmoMusicDataset large;
    private static EmoMusicDataset small;

    // per test rather than @BeforeAll, so that surefire counts each test as skipped
    @BeforeEach
    void load() {
        String dir = System.getProperty("hdbn.data.dir");
        Path path = dir == null ? null : Path.of(dir);
        Assumptions.assumeTrue(path != null && Files.isDirectory(path.resolve("EmoMusicLJ"))
                && Files.isDirectory(path.resolve("EmoMusicLJ-small")),
                "real data not found (system property hdbn.data.dir=" + dir + "); skipping");
        if (large != null) {
            return;
        }
        root = path;
        long start = System.nanoTime();
        large = EmoMusicLoader.load(root.resolve("EmoMusicLJ"));
        long mid = System.nanoTime();
        small = EmoMusicLoader.load(root.resolve("EmoMusicLJ-small"));
        System.out.printf("loaded %s in %d ms, %s in %d ms%n", large, (mid - start) / 1_000_000, small,
                (System.nanoTime() - mid) / 1_000_000);
    }

    @Test
    void fullSetHasThePublishedCounts() {
        assertThat(large.numUsers()).isEqualTo(15_233);
        assertThat(large.numSongs()).isEqualTo(6_180);
        assertThat(large.numTags()).isEqualTo(132);
        assertThat(large.train().size()).isEqualTo(123_792);
        assertThat(large.validation().size()).isEqualTo(15_475);
        assertThat(large.numGroups()).isEqualTo(50);
        assertThat(large.emotionTags().get(0)).isEqualTo("accomplished");
        assertThat(large.songIndexInFullSet()).isEmpty();
        assertThat(large.hasSongMetadata()).isTrue();
        assertThat(large.songInfo(0).orElseThrow().originalId()).isEqualTo("8858939");
        assertMoodRowsSumToOne(large);
    }

    @Test
    void smallSetHasThePublishedCounts() {
        assertThat(small.numUsers()).isEqualTo(3_473);
        assertThat(small.numSongs()).isEqualTo(217);
        assertThat(small.numTags()).isEqualTo(132);
        assertThat(small.train().size()).isEqualTo(17_592);
        assertThat(small.validation().size()).isEqualTo(2_199);
        assertThat(small.numGroups()).isEqualTo(10);
        assertThat(small.hasSongMetadata()).isTrue();
        assertMoodRowsSumToOne(small);
    }

    @Test
    void smallSetMoodsAreTheFullSetsRowsOfItsSongsNotThePublishedFile() {
        int[] toFull = small.songIndexInFullSet().orElseThrow();
        double[][] published = Npy.readFloat64Matrix(root.resolve("EmoMusicLJ-small/songs_mood.npy"), 9);
        int differing = 0;
        for (int s = 0; s < small.numSongs(); s++) {
            assertThat(small.songMood(s)).containsExactly(large.songMood(toFull[s]));
            // the quirk: the published file holds the full set's first 217 rows
            assertThat(published[s]).containsExactly(large.songMood(s));
            differing += Arrays.equals(published[s], small.songMood(s)) ? 0 : 1;
        }
        System.out.println("EmoMusicLJ-small: " + differing + " of " + small.numSongs()
                + " rows of the published songs_mood.npy differ from the remapped moods");
        assertThat(differing).isEqualTo(217);
    }

    @Test
    void remapAgreesWithTheSmallSetsOwnGenreArtistAndYearIds() {
        // independent evidence for the remap: the small set's genre, artist and year ids are a
        // renumbering of the full set's ids of the mapped songs, and the genre names agree
        int[] toFull = small.songIndexInFullSet().orElseThrow();
        int[][][] pairs = {{small.genres(), large.genres()}, {small.artists(), large.artists()},
            {small.years(), large.years()}};
        for (int[][] pair : pairs) {
            Map<Integer, Integer> fullToSmall = new HashMap<>();
            for (int s = 0; s < small.numSongs(); s++) {
                Integer prior = fullToSmall.putIfAbsent(pair[1][toFull[s]], pair[0][s]);
                assertThat(prior == null || prior == pair[0][s]).isTrue();
            }
        }
        for (int s = 0; s < small.numSongs(); s++) {
            assertThat(small.songInfo(s)).isEqualTo(large.songInfo(toFull[s]));
        }
    }

    @Test
    void fingerprintsAreStableAndDistinguishTheSets() {
        assertThat(large.fingerprint()).startsWith("sha256:").hasSize(7 + 64);
        assertThat(EmoMusicLoader.load(root.resolve("EmoMusicLJ-small")).fingerprint()).isEqualTo(small.fingerprint());
        assertThat(small.fingerprint()).isNotEqualTo(large.fingerprint());
    }

    @Test
    void evaluationFilesAreCheckedAgainstTheDataSet() {
        assertThat(large.readInteractions(root.resolve("EmoMusicLJ/UI5_index_validation.csv")))
                .isEqualTo(large.validation());
        // the full set's validation triples name users and songs beyond the small set
        assertThatThrownBy(() -> small.readInteractions(root.resolve("EmoMusicLJ/UI5_index_validation.csv")))
                .hasMessageContaining("out of range");
    }

    @Test
    void corruptedCopiesAreRefusedNamingFileAndPlace(@TempDir Path copy) throws Exception {
        Path sub = copy.resolve("EmoMusicLJ-small");
        Path full = copy.resolve("EmoMusicLJ");
        Files.createDirectories(full);
        copyFolder(root.resolve("EmoMusicLJ-small"), sub);
        for (String name : new String[] {EmoMusicLayout.SONGS_MOOD, EmoMusicLayout.INDEX_TO_ITEM}) {
            Files.copy(root.resolve("EmoMusicLJ").resolve(name), full.resolve(name));
        }
        Files.copy(root.resolve(EmoMusicLayout.EMOTION_MAP), copy.resolve(EmoMusicLayout.EMOTION_MAP));
        // the fingerprint depends on content only, not on where the folder lives
        assertThat(EmoMusicLoader.load(sub).fingerprint()).isEqualTo(small.fingerprint());

        Path validation = sub.resolve(EmoMusicLayout.VALIDATION);
        List<String> lines = Files.readAllLines(validation);
        List<String> bad = new ArrayList<>(lines);
        bad.set(9, "12,x7,3");
        Files.write(validation, bad);
        assertThatThrownBy(() -> EmoMusicLoader.load(sub))
                .hasMessage(validation + " line 10: field song_id: expected an integer, got 'x7'");
        bad.set(9, "3473,1,3");
        Files.write(validation, bad);
        assertThatThrownBy(() -> EmoMusicLoader.load(sub))
                .hasMessage(validation + " line 10: field user_id: index 3473 out of range (must be < 3473)");
        Files.write(validation, lines);

        int fullRow = small.songIndexInFullSet().orElseThrow()[0];
        double[][] mood = large.songMood();
        mood[fullRow][0] += 0.01;
        Npy.writeFloat32(full.resolve(EmoMusicLayout.SONGS_MOOD), mood);
        assertThatThrownBy(() -> EmoMusicLoader.load(sub))
                .hasMessageStartingWith(full.resolve(EmoMusicLayout.SONGS_MOOD) + ": song row " + fullRow
                        + ": moods sum to 1.00999")
                .hasMessageEndingWith("expected 1 within 0.001");
    }

    private static void copyFolder(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
    }

    private static void assertMoodRowsSumToOne(EmoMusicDataset data) {
        for (double[] row : data.songMood()) {
            assertThat(Arrays.stream(row).sum()).isCloseTo(1.0, within(1e-5));
        }
    }
}
