package org.hdbn.run.atomic;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hdbn.io.AtomicFiles;

/**
 * Writes an {@link AtomicTable} as an atomic file that {@link AtomicTableReader} reads back equal:
 * UTF-8, {@code \n} line ends, tab-separated values, sequences joined by single spaces, numbers in
 * Java's shortest round-trip form ({@link Double#toString}). Every value is checked before anything
 * is written, and the file is replaced atomically ({@link AtomicFiles}).
 */
public final class AtomicTableWriter {

    private AtomicTableWriter() {
    }

    /**
     * Replaces {@code file} with {@code table}.
     *
     * @throws IllegalArgumentException naming the file, field, row and value that cannot be written
     *     (see {@link AtomicColumn#requireWritable})
     */
    public static void write(Path file, AtomicTable table) {
        for (int c = 0; c < table.header().size(); c++) {
            table.columns().get(c).requireWritable("cannot write " + file + ": field "
                    + table.header().fields().get(c).name());
        }
        AtomicFiles.write(file, raw -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
            out.write(table.header().line());
            out.write('\n');
            for (int r = 0; r < table.rows(); r++) {
                for (int c = 0; c < table.header().size(); c++) {
                    if (c > 0) {
                        out.write('\t');
                    }
                    out.write(table.columns().get(c).text(r));
                }
                out.write('\n');
            }
            out.flush();
        });
    }
}
