package org.hdbn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.run.atomic.AtomicContentWriter;
import org.hdbn.run.atomic.AtomicDataLoader;
import org.hdbn.run.atomic.AtomicDataset;
import org.hdbn.run.atomic.AtomicExport;
import org.hdbn.run.atomic.AtomicLayout;
import org.hdbn.run.atomic.AtomicOptions;
import org.hdbn.run.data.Dataset;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EmoMusicLJ and EmoMusicLJ-small converted to atomic files hold the same data, and a model trained
 * on either form of EmoMusicLJ-small with the same seed has the same validation metrics; skipped
 * visibly when the data are not at hand.
 */
class AtomicRealDataTest {

    @TempDir
    Path dir;

    private Path root;

    // per test rather than @BeforeAll, so that surefire counts each test as skipped
    @BeforeEach
    void findData() {
        String property = System.getProperty("hdbn.data.dir");
        root = property == null ? null : Path.of(property);
        Assumptions.assumeTrue(root != null && Files.isDirectory(root.resolve("EmoMusicLJ"))
                && Files.isDirectory(root.resolve("EmoMusicLJ-small")),
                "real data not found (system property hdbn.data.dir=" + property + "); skipping");
    }

    @Test
    void bothSetsConvertToAtomicFilesHoldingTheSameData() {
        for (String set : List.of("EmoMusicLJ", "EmoMusicLJ-small")) {
            EmoMusicDataset emo = EmoMusicLoader.load(root.resolve(set));
            Path out = dir.resolve(set);
            AtomicContentWriter.write(AtomicExport.of(emo, "emotion", line -> { }), out, set);
            AtomicDataset atomic = AtomicDataLoader.load(AtomicLayout.find(out).orElseThrow(), AtomicOptions.defaults());
            assertSameData(atomic, emo);
            // the tags are alphabetical in emotion_map.json, so they keep their names
            assertThat(atomic.contexts().ids()).isEqualTo(emo.emotionTags());
        }
    }

    @Test
    void theSameSeedGivesTheSameMetricsFromEitherFormOfTheSmallSet() {
        Path small = root.resolve("EmoMusicLJ-small");
        Path converted = dir.resolve("small-atomic");
        CommandLineTest.Run c = CommandLineTest.run("convert", "--data", small.toString(), "--out",
                converted.toString());
        assertThat(c.code()).as(c.err()).isZero();
        String fromEmo = validation(small, "m-emo");
        assertThat(validation(converted, "m-atomic")).isEqualTo(fromEmo);
    }

    private String validation(Path data, String model) {
        CommandLineTest.Run t = CommandLineTest.run("train", "--data", data.toString(), "--model",
                dir.resolve(model).toString(), "--epochs", "1", "--seed", "3");
        assertThat(t.code()).as(t.err()).isZero();
        int at = t.out().indexOf("validation split");
        assertThat(at).as(t.out()).isNotNegative();
        return t.out().substring(at);
    }

    private static void assertSameData(Dataset atomic, Dataset emo) {
        assertThat(atomic.users().size()).isEqualTo(emo.users().size());
        assertThat(atomic.items().labels()).isEqualTo(emo.items().labels());
        assertThat(atomic.train()).isEqualTo(emo.train());
        assertThat(atomic.validation()).isEqualTo(emo.validation());
        assertThat(atomic.itemTables()).isEqualTo(emo.itemTables());
        assertThat(atomic.itemCategories().get("genre")).isEqualTo(emo.itemCategories().get("genre"));
        assertThat(atomic.userCategories().get("group")).isEqualTo(emo.userCategories().get("group"));
        // EmoMusicLJ's artist codes have gaps (1,350 codes, 1,332 with songs); atomic files list the values
        // used, so there the artists are renumbered in order, which convert notes
        int[] artists = emo.itemCategories().get("artist").codes();
        assertThat(atomic.itemCategories().get("artist").count()).isEqualTo((int) Arrays.stream(artists).distinct().count());
        Map<String, Integer> dims = new HashMap<>(atomic.dims());
        Map<String, Integer> expected = new HashMap<>(emo.dims());
        dims.remove("artist.count");
        expected.remove("artist.count");
        assertThat(dims).isEqualTo(expected);
    }
}
