package org.hdbn.run.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hdbn.data.Interactions;
import org.hdbn.graph.SpecMapper;
import org.hdbn.io.AtomicFiles;
import org.hdbn.io.DataFormatException;
import org.hdbn.io.Npy;
import org.hdbn.io.TriplesCsv;
import org.hdbn.tensor.Tensor;

/**
 * A {@link Dataset} saved as a folder, so that a model folder carries what it needs to evaluate and
 * recommend without its data folder: {@value #MANIFEST} (name, origin, fingerprint, the external
 * ids and labels of users, items and contexts, the category columns), the splits as index-triple
 * CSVs ({@code train.csv}, {@code validation.csv}, {@code test.csv} when there is one) and each
 * item table as {@code table-NAME.npy}. Read back it is an {@link InMemoryDataset} with the
 * original's fingerprint.
 */
public final class DatasetFolder {

    public static final String MANIFEST = "dataset.json";
    static final String FORMAT = "hdbn-dataset";
    static final int VERSION = 1;
    static final TriplesCsv TRIPLES = new TriplesCsv("user", "item", "context");

    /**
     * What {@value #MANIFEST} holds.
     *
     * @param location    the folder the data set was read from, or null
     * @param itemTables  names of the item tables, each in {@code table-NAME.npy}
     * @param hasTest     whether {@code test.csv} is there
     */
    record Manifest(String format, int version, String name, String location, String fingerprint, EntityIds users,
            EntityIds items, EntityIds contexts, Map<String, CategoryColumn> itemCategories,
            Map<String, CategoryColumn> userCategories, List<String> itemTables, boolean hasTest) {
    }

    private DatasetFolder() {
    }

    /** Writes {@code data} into {@code dir} (created if needed), each file atomically. */
    public static void save(Dataset data, Path dir, SpecMapper mapper) {
        try {
            Files.createDirectories(dir);
            List<String> tables = new ArrayList<>(new java.util.TreeSet<>(data.itemTables().keySet()));
            for (String t : tables) {
                Npy.writeFloat64(dir.resolve(tableFile(t)), rows(data.itemTables().get(t)));
            }
            TRIPLES.write(dir.resolve("train.csv"), data.train());
            TRIPLES.write(dir.resolve("validation.csv"), data.validation());
            if (data.test().isPresent()) {
                TRIPLES.write(dir.resolve("test.csv"), data.test().get());
            }
            Manifest m = new Manifest(FORMAT, VERSION, data.name(),
                    data.location().map(p -> p.toAbsolutePath().toString()).orElse(null), data.fingerprint(),
                    data.users(), data.items(), data.contexts(), new LinkedHashMap<>(data.itemCategories()),
                    new LinkedHashMap<>(data.userCategories()), tables, data.test().isPresent());
            AtomicFiles.writeString(dir.resolve(MANIFEST), mapper.objectMapper().writeValueAsString(m));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the data set copy in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Reads a folder written by {@link #save}. */
    public static InMemoryDataset load(Path dir, SpecMapper mapper) {
        Path file = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(dir + ": no saved data set (" + MANIFEST + " is missing)");
        }
        Manifest m = mapper.read(file, Manifest.class);
        if (!FORMAT.equals(m.format()) || m.version() != VERSION) {
            throw new DataFormatException(file + ": format " + m.format() + " version " + m.version()
                    + " is not supported (this release reads " + FORMAT + " version " + VERSION + ")");
        }
        Map<String, Tensor> tables = new LinkedHashMap<>();
        for (String t : m.itemTables()) {
            tables.put(t, Tensor.matrix(Npy.readFloat64Matrix(dir.resolve(tableFile(t)), Npy.ANY)));
        }
        int users = m.users().size();
        int items = m.items().size();
        int contexts = m.contexts().size();
        Interactions train = TRIPLES.read(dir.resolve("train.csv"), users, items, contexts);
        Interactions validation = TRIPLES.read(dir.resolve("validation.csv"), users, items, contexts);
        Interactions test = m.hasTest() ? TRIPLES.read(dir.resolve("test.csv"), users, items, contexts) : null;
        try {
            return new InMemoryDataset(m.name(), m.location() == null ? null : Path.of(m.location()), m.fingerprint(),
                    m.users(), m.items(), m.contexts(), train, validation, test, tables, m.itemCategories(),
                    m.userCategories());
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(dir + ": the saved data set is inconsistent: " + e.getMessage(), e);
        }
    }

    private static String tableFile(String table) {
        return "table-" + table + ".npy";
    }

    private static double[][] rows(Tensor t) {
        double[][] rows = new double[t.rows()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = java.util.Arrays.copyOfRange(t.data(), r * t.cols(), (r + 1) * t.cols());
        }
        return rows;
    }
}
