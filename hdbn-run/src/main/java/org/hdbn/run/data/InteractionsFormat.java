package org.hdbn.run.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.hdbn.data.Interactions;
import org.hdbn.io.DataFormatException;

/**
 * A file format of evaluation interactions that a data set without its own reader (a model's saved
 * copy of its training data, {@link InMemoryDataset}) reads, found through
 * {@link ServiceLoader} ({@code META-INF/services/org.hdbn.run.data.InteractionsFormat}). hdbn-run
 * installs {@link IndexTriplesFormat} ({@code .csv} index triples, EmoMusicLJ's split files).
 */
public interface InteractionsFormat {

    /** A few words for error messages, e.g. {@code "index triples (.csv)"}. */
    String description();

    /** Whether this format reads the file (typically by its name's ending). */
    boolean accepts(Path file);

    /** Reads the file, checking every user, item and context against {@code data}. */
    Interactions read(Path file, Dataset data);

    /**
     * Reads the file with the first installed format that accepts it.
     *
     * @throws DataFormatException naming the formats known when none accepts it
     */
    static Interactions readWithInstalled(Path file, Dataset data) {
        List<String> known = new ArrayList<>();
        for (InteractionsFormat f : ServiceLoader.load(InteractionsFormat.class)) {
            if (f.accepts(file)) {
                return f.read(file, data);
            }
            known.add(f.description());
        }
        throw new DataFormatException(file + ": no interactions format reads this file; known: " + known);
    }
}
