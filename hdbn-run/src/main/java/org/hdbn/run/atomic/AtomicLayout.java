package org.hdbn.run.atomic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hdbn.io.DataFormatException;

/**
 * A data set folder in RecBole's atomic-file layout with its benchmark split (RecBole's
 * {@code benchmark_filename: [train, valid, test]}): {@code NAME.train.inter} and
 * {@code NAME.valid.inter}, optionally {@code NAME.test.inter}, {@code NAME.item} and
 * {@code NAME.user}, all in one folder.
 *
 * @param directory the folder
 * @param name      the data set's name, the files' common stem
 */
public record AtomicLayout(Path directory, String name) {

    public static final String TRAIN = ".train.inter";
    public static final String VALID = ".valid.inter";
    public static final String TEST = ".test.inter";
    public static final String ITEM = ".item";
    public static final String USER = ".user";

    public AtomicLayout {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\")) {
            throw new IllegalArgumentException("data set name must be a non-empty file stem: '" + name + "'");
        }
    }

    /** What a folder must hold to be read in this layout, for messages. */
    public static String expected() {
        return "NAME" + TRAIN + " and NAME" + VALID + " (optionally NAME" + TEST + ", NAME" + ITEM + ", NAME" + USER
                + ")";
    }

    /**
     * The layout of {@code dir} if it holds exactly one {@code *.train.inter}; empty when it holds none.
     *
     * @throws DataFormatException when it holds several (naming them), or when the folder cannot be listed
     */
    public static Optional<AtomicLayout> find(Path dir) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(TRAIN) && f.length() > TRAIN.length())
                    .sorted().forEach(f -> names.add(f.substring(0, f.length() - TRAIN.length())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (names.size() > 1) {
            throw new DataFormatException(dir + ": holds several atomic data sets (" + String.join(", ", names)
                    + "); give a folder with one NAME" + TRAIN);
        }
        return names.stream().findFirst().map(n -> new AtomicLayout(dir, n));
    }

    public Path train() {
        return file(TRAIN);
    }

    public Path valid() {
        return file(VALID);
    }

    public Path test() {
        return file(TEST);
    }

    public Path item() {
        return file(ITEM);
    }

    public Path user() {
        return file(USER);
    }

    private Path file(String suffix) {
        return directory.resolve(name + suffix);
    }
}
