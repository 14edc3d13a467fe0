package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.data.SyntheticEmoMusic;

/** Where a command's data comes from: a folder in the EmoMusicLJ layout, or generated data. */
final class DataOptions {

    private DataOptions() {
    }

    /**
     * Loads the folder; with no folder, generates the default synthetic set (seeded) into
     * {@code generatedDir} unless it is already there, and loads that.
     */
    static EmoMusicDataset load(Path dir, Path generatedDir, long seed, PrintWriter out) {
        if (dir != null) {
            return EmoMusicLoader.load(dir);
        }
        if (!Files.isRegularFile(generatedDir.resolve("UI_indexes_train.csv"))) {
            out.println("no --data given: generating a synthetic data set (seed " + seed + ") in " + generatedDir);
            try {
                Files.createDirectories(generatedDir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            SyntheticEmoMusic.generate(SyntheticEmoMusic.Config.defaults().withSeed(seed), generatedDir);
        }
        return EmoMusicLoader.load(generatedDir);
    }
}
