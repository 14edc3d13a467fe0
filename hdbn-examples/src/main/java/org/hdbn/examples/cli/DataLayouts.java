package org.hdbn.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.hdbn.examples.data.EmoMusicLayout;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.io.DataFormatException;
import org.hdbn.run.atomic.AtomicDataLoader;
import org.hdbn.run.atomic.AtomicLayout;
import org.hdbn.run.atomic.AtomicOptions;
import org.hdbn.run.data.Dataset;

/**
 * The folder layouts {@code --data DIR} accepts, told apart by their files: the EmoMusicLJ layout
 * ({@code UI_indexes_train.csv}) and RecBole atomic files ({@code NAME.train.inter}). A new layout
 * is one more entry in {@link #LAYOUTS}.
 */
final class DataLayouts {

    /** One way a folder can hold a data set. */
    private record Layout(String description, Predicate<Path> holds, Loader loader) {
    }

    @FunctionalInterface
    private interface Loader {
        Dataset load(Path dir, AtomicOptions options, PrintWriter out);
    }

    private static final List<Layout> LAYOUTS = List.of(
            new Layout(EmoMusicLayout.TRAIN + " (the EmoMusicLJ layout)",
                    dir -> Files.isRegularFile(dir.resolve(EmoMusicLayout.TRAIN)), DataLayouts::emoMusic),
            new Layout(AtomicLayout.expected() + " (RecBole atomic files)",
                    dir -> AtomicLayout.find(dir).isPresent(), DataLayouts::atomic));

    private DataLayouts() {
    }

    /**
     * Loads the data set in {@code dir}, in whichever layout it holds.
     *
     * @throws DataFormatException when {@code dir} is missing or a file, holds no layout (naming what
     *     was looked for, and the data set folders inside it, if any) or more than one
     */
    static Dataset load(Path dir, AtomicOptions options, PrintWriter out) {
        if (Files.isRegularFile(dir)) {
            throw new DataFormatException(dir + ": is a file; give the data set's folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir + ": data set directory not found");
        }
        List<Layout> held = LAYOUTS.stream().filter(l -> l.holds().test(dir)).toList();
        if (held.size() > 1) {
            throw new DataFormatException(dir + ": holds data sets in several layouts (" + String.join("; ",
                    held.stream().map(Layout::description).toList()) + "); keep one per folder");
        }
        if (held.isEmpty()) {
            throw new DataFormatException(notADataSet(dir));
        }
        return held.get(0).loader().load(dir, options, out);
    }

    private static String notADataSet(Path dir) {
        List<String> inside = new ArrayList<>();
        List<String> unsplit = new ArrayList<>();
        try (Stream<Path> children = Files.list(dir)) {
            children.sorted().forEach(c -> {
                String name = c.getFileName().toString();
                if (Files.isDirectory(c) && LAYOUTS.stream().anyMatch(l -> l.holds().test(c))) {
                    inside.add(name);
                } else if (name.endsWith(".inter") && !name.contains(".train.") && !name.contains(".valid.")
                        && !name.contains(".test.")) {
                    unsplit.add(name);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (!inside.isEmpty()) {
            return dir + ": not a data set folder; the data sets inside it are " + inside + ": give one of them, e.g. "
                    + dir.resolve(inside.get(0));
        }
        return dir + ": no data set found: looked for " + String.join(" and for ",
                LAYOUTS.stream().map(Layout::description).toList())
                + (unsplit.isEmpty() ? "" : "; " + unsplit + " holds all interactions in one file: hdbn reads "
                        + "RecBole's benchmark split, so split it into NAME.train.inter and NAME.valid.inter");
    }

    private static Dataset emoMusic(Path dir, AtomicOptions options, PrintWriter out) {
        if (!options.equals(AtomicOptions.defaults())) {
            throw new IllegalArgumentException("--context-field and --unknown-ids apply to atomic files; " + dir
                    + " is in the EmoMusicLJ layout");
        }
        return EmoMusicLoader.load(dir);
    }

    private static Dataset atomic(Path dir, AtomicOptions options, PrintWriter out) {
        return AtomicDataLoader.load(AtomicLayout.find(dir).orElseThrow(), options, out::println);
    }
}
