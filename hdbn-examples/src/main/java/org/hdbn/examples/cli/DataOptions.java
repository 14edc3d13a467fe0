package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hdbn.examples.data.EmoMusicLayout;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.hdbn.run.atomic.AtomicOptions;
import org.hdbn.run.data.Dataset;

/** Where a command's data comes from: a data set folder in any layout {@link DataLayouts} reads, or generated data. */
final class DataOptions {

    private DataOptions() {
    }

    /**
     * Loads the folder; with no folder, generates the default synthetic set (seeded) into
     * {@code generatedDir} unless it is already there, and loads that.
     */
    static Dataset load(Path dir, AtomicOptions options, Path generatedDir, long seed, PrintWriter out) {
        if (dir != null) {
            return DataLayouts.load(dir, options, out);
        }
        if (!Files.isRegularFile(generatedDir.resolve(EmoMusicLayout.TRAIN))) {
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
