package org.hdbn.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hdbn.io.DataFormatException;
import org.hdbn.io.Npy;
import org.hdbn.io.NpyArray;
import org.hdbn.io.NpyDtype;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader on generated data with one file corrupted at a time: each error names file and place. */
class EmoMusicLoaderErrorTest {

    @TempDir
    Path root;

    private Path set;

    @BeforeEach
    void generate() {
        set = root.resolve("set");
        SyntheticEmoMusic.generate(SyntheticEmoMusic.Config.defaults(), set);
    }

    @Test
    void loadsTheUncorruptedSet() {
        assertThat(EmoMusicLoader.load(set).numUsers()).isEqualTo(600);
    }

    @Test
    void wrongCsvHeader() throws Exception {
        replaceLine(EmoMusicLayout.TRAIN, 0, "user,song,emotion");
        assertFails(set.resolve(EmoMusicLayout.TRAIN)
                + " line 1: wrong header: expected 'user_id,song_id,emo_id', got 'user,song,emotion'");
    }

    @Test
    void nonIntegerField() throws Exception {
        replaceLine(EmoMusicLayout.VALIDATION, 4, "1,abc,2");
        assertFails(set.resolve(EmoMusicLayout.VALIDATION) + " line 5: field song_id: expected an integer, got 'abc'");
    }

    @Test
    void indexesOutOfRange() throws Exception {
        String[][] cases = {{"600,0,0", "field user_id: index 600 out of range (must be < 600)"},
            {"0,300,0", "field song_id: index 300 out of range (must be < 300)"},
            {"0,0,20", "field emo_id: index 20 out of range (must be < 20)"}};
        List<String> original = Files.readAllLines(set.resolve(EmoMusicLayout.TRAIN));
        for (String[] c : cases) {
            List<String> lines = new ArrayList<>(original);
            lines.add(c[0]);
            Files.write(set.resolve(EmoMusicLayout.TRAIN), lines);
            assertFails(set.resolve(EmoMusicLayout.TRAIN) + " line " + lines.size() + ": " + c[1]);
        }
    }

    @Test
    void missingFile() throws Exception {
        Files.delete(set.resolve(EmoMusicLayout.TRAIN));
        assertFails(set.resolve(EmoMusicLayout.TRAIN) + ": file not found");
        assertThatThrownBy(() -> EmoMusicLoader.load(root.resolve("nowhere")))
                .hasMessageContaining("data set directory not found");
    }

    @Test
    void wrongNpyDtypeAndShape() {
        Path genres = set.resolve(EmoMusicLayout.GENRES);
        Npy.writeFloat64(genres, new double[300]);
        assertFailsWith(genres + " (one id per song, 300 songs): dtype '<f8' is not an integer type");
        Npy.writeInt32(genres, new int[299]);
        assertFails(genres + " (one id per song, 300 songs): expected shape (300,), got (299,)");
        Npy.writeInt32(genres, new int[300]);
        Path mood = set.resolve(EmoMusicLayout.SONGS_MOOD);
        Npy.writeFloat32(mood, new double[300][8]);
        assertFails(mood + ": expected shape (rows, 9), got (300, 8)");
        Npy.write(mood, new NpyArray.Ints(NpyDtype.INT32_LE, new int[] {300, 9}, new int[2700]));
        assertFailsWith(mood + ": dtype '<i4' is not a float type");
    }

    @Test
    void moodRowsThatAreNotDistributions() {
        Path file = set.resolve(EmoMusicLayout.SONGS_MOOD);
        double[][] mood = Npy.readFloat64Matrix(file, 9);
        double[][] halved = copy(mood);
        for (int c = 0; c < 9; c++) {
            halved[7][c] /= 2;
        }
        Npy.writeFloat64(file, halved);
        assertFailsWith(file + ": song row 7: moods sum to 0.5");
        double[][] negative = copy(mood);
        negative[11][2] = -0.25;
        negative[11][3] += 0.25;
        Npy.writeFloat64(file, negative);
        assertFailsWith(file + ": song row 11, column 2: negative mood -0.25");
        double[][] nan = copy(mood);
        nan[3][0] = Double.NaN;
        Npy.writeFloat64(file, nan);
        assertFailsWith(file + ": row 3, column 0: NaN (finite values required)");
    }

    @Test
    void negativeUserGroup() {
        Path file = set.resolve(EmoMusicLayout.USER_GROUPS);
        int[] groups = Npy.readInts(file, 600);
        groups[4] = -1;
        Npy.writeInt32(file, groups);
        assertFails(file + ": user 4: negative id -1");
    }

    @Test
    void emotionMapInTheParentOrNowhere() throws Exception {
        Path inSet = set.resolve(EmoMusicLayout.EMOTION_MAP);
        Files.move(inSet, root.resolve(EmoMusicLayout.EMOTION_MAP));
        assertThat(EmoMusicLoader.load(set).emotionTags()).hasSize(20);
        Files.delete(root.resolve(EmoMusicLayout.EMOTION_MAP));
        assertFails("emotion_map.json not found: looked for " + inSet + " and " + root.toAbsolutePath().normalize()
                .resolve(EmoMusicLayout.EMOTION_MAP));
    }

    @Test
    void malformedJson() throws Exception {
        Path tags = set.resolve(EmoMusicLayout.EMOTION_MAP);
        Files.writeString(tags, "{\"0\": \"sad\", \"x\": \"happy\"}");
        assertFails(tags + ": key \"x\" is not an index in 0..1 (keys must be exactly 0..n-1)");
        Files.writeString(tags, "{\"0\": \"sad\", \"0\": \"happy\"}");
        assertFailsWith(tags + " line 1 column ");
        Files.writeString(tags, "{\"0\": \"sad\", \"1\": 5}");
        assertFails(tags + ": key \"1\": expected a string, got 5");
        Files.writeString(tags, "[\"sad\"]");
        assertFails(tags + ": expected a JSON object at the top level");
        Files.writeString(tags, "{\"0\": \"sad\"");
        assertFailsWith(tags + " line 1 column");
    }

    @Test
    void songMetadataOptionalButComplete() throws Exception {
        Path meta = set.resolve(EmoMusicLayout.SONG_META);
        String text = Files.readString(meta);
        Files.writeString(meta, text.replaceFirst("\"1000003\":\\[[^\\]]*\\],", ""));
        assertFails(meta + ": no entry for original song id \"1000003\" (song 0, from index2itemID.json)");
        Files.delete(meta);
        EmoMusicDataset data = EmoMusicLoader.load(set);
        assertThat(data.hasSongMetadata()).isFalse();
        assertThat(data.songInfo(0)).isEmpty();
    }

    @Test
    void subsetMoodsComeFromTheFullSetBesideIt() throws Exception {
        Path full = root.resolve(EmoMusicLayout.FULL_SET_FOLDER);
        Files.move(set, full);
        EmoMusicDataset fullSet = EmoMusicLoader.load(full);
        int[] toFull = new int[100];
        for (int s = 0; s < toFull.length; s++) {
            toFull[s] = 3 * s + 1;
        }
        Path sub = SubsetWriter.write(full, root.resolve("sub"), toFull);
        EmoMusicDataset subset = EmoMusicLoader.load(sub);
        assertThat(subset.numSongs()).isEqualTo(100);
        assertThat(subset.songIndexInFullSet().orElseThrow()).containsExactly(toFull);
        double[][] published = Npy.readFloat64Matrix(sub.resolve(EmoMusicLayout.SONGS_MOOD), 9);
        for (int s = 0; s < 100; s++) {
            assertThat(subset.songMood(s)).containsExactly(fullSet.songMood(toFull[s]));
            assertThat(subset.songMood(s)).isNotEqualTo(published[s]);
            assertThat(subset.songInfo(s)).isEqualTo(fullSet.songInfo(toFull[s]));
        }
        assertThat(subset.fingerprint()).isNotEqualTo(fullSet.fingerprint());

        Files.delete(full.resolve(EmoMusicLayout.INDEX_TO_ITEM));
        assertThat(EmoMusicLoader.load(sub).hasSongMetadata()).isFalse();

        Files.move(full, root.resolve("elsewhere"));
        assertThatThrownBy(() -> EmoMusicLoader.load(sub)).isInstanceOf(DataFormatException.class)
                .hasMessageContaining(sub + " is a subset of EmoMusicLJ (it has song_index_small2large.json)")
                .hasMessageContaining("known to be wrong")
                .hasMessageContaining(full.resolve(EmoMusicLayout.SONGS_MOOD) + ", which is missing");
    }

    @Test
    void subsetIndexBeyondTheFullSet() throws Exception {
        Path full = root.resolve(EmoMusicLayout.FULL_SET_FOLDER);
        Files.move(set, full);
        Path sub = SubsetWriter.write(full, root.resolve("sub"), new int[] {0, 5, 299});
        Path map = sub.resolve(EmoMusicLayout.SONG_SUBSET_TO_FULL);
        Files.writeString(map, "{\"0\": 0, \"1\": 5, \"2\": 300}");
        assertThatThrownBy(() -> EmoMusicLoader.load(sub)).hasMessage(map + ": key \"2\": full-set song index 300 "
                + "out of range (" + full.toAbsolutePath().normalize().resolve(EmoMusicLayout.SONGS_MOOD) + " has 300 rows)");
    }

    private void assertFails(String message) {
        assertThatThrownBy(() -> EmoMusicLoader.load(set)).isInstanceOf(DataFormatException.class).hasMessage(message);
    }

    private void assertFailsWith(String start) {
        assertThatThrownBy(() -> EmoMusicLoader.load(set)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(start);
    }

    private void replaceLine(String name, int index, String line) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(set.resolve(name)));
        lines.set(index, line);
        Files.write(set.resolve(name), lines);
    }

    private static double[][] copy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
