package org.hdbn.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The authors' published .npy files read and re-written byte for byte (skipped without the data). */
class NpyRealDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"EmoMusicLJ/songs_mood.npy", "EmoMusicLJ/genres.npy", "EmoMusicLJ/user2cluster.npy",
        "EmoMusicLJ-small/songs_mood.npy", "EmoMusicLJ-small/years.npy"})
    void rewritesPublishedFilesByteForByte(String name) throws Exception {
        String dataDir = System.getProperty("hdbn.data.dir");
        Path file = dataDir == null ? null : Path.of(dataDir, name);
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "real data not found (system property hdbn.data.dir=" + dataDir + "); skipping");
        byte[] original = Files.readAllBytes(file);
        assertThat(Npy.toBytes(Npy.parse(original, name))).isEqualTo(original);
    }
}
