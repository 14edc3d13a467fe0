package org.hdbn.spark.prepare;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.hdbn.io.AtomicFiles;
import org.hdbn.io.FileTrees;

/**
 * Writes one atomic file (RecBole's format: a header of {@code name:type} fields, then one
 * tab-separated line per row) from a Spark table whose columns are already in the header's order
 * and rendered as text. The executors write sorted part files; the driver then joins the header and
 * the parts, in order, into the one file, replaced atomically. The only place prepared data is
 * written, so another writer can take its place.
 *
 * <p>The output folder must be readable by the driver: local in local mode, a shared mount on a cluster.
 */
final class AtomicSetWriter {

    private AtomicSetWriter() {
    }

    /** Writes {@code rows} (all string columns, no tabs or line breaks in them) under {@code header} to {@code file}. */
    static void write(Dataset<Row> rows, List<String> header, Path file) {
        Path parts = file.resolveSibling("." + file.getFileName() + ".parts");
        try {
            FileTrees.delete(parts);
            // no quoting or escaping: values were checked to hold no separators, and RecBole reads them raw
            rows.write().mode(SaveMode.Overwrite).option("sep", "\t").option("header", "false").option("quote", "")
                    .option("escape", "").option("emptyValue", "").csv(parts.toUri().toString());
            List<Path> files;
            try (Stream<Path> list = Files.list(parts)) {
                files = list.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
            }
            AtomicFiles.write(file, out -> {
                out.write((String.join("\t", header) + "\n").getBytes(StandardCharsets.UTF_8));
                for (Path part : files) {
                    copy(part, out);
                }
            });
            FileTrees.delete(parts);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void copy(Path part, OutputStream out) throws IOException {
        try (InputStream in = Files.newInputStream(part)) {
            in.transferTo(out);
        }
    }
}
