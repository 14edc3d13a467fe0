package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hdbn.run.atomic.AtomicContent;
import org.hdbn.run.atomic.AtomicContentWriter;
import org.hdbn.run.atomic.AtomicExport;
import org.hdbn.run.atomic.AtomicLayout;
import org.hdbn.run.data.Dataset;

/** Writes a loaded data set as RecBole atomic files, for {@code hdbn convert} and {@code hdbn generate --format atomic}. */
final class AtomicConversion {

    /** The {@code .inter} field the contexts are written under when the input names none. */
    static final String DEFAULT_CONTEXT_FIELD = "context";

    private AtomicConversion() {
    }

    /**
     * Writes {@code data} into {@code out} as {@code name.train.inter}, ... and says what it wrote and
     * what could not be kept.
     *
     * @param what  names the data set in the message, e.g. its name
     * @param force replace the files of a data set of that name already in {@code out}
     */
    static AtomicLayout write(Dataset data, String what, Path out, String name, String contextField, boolean force,
            PrintWriter printer) {
        AtomicLayout layout = new AtomicLayout(out, name);
        if (Files.exists(layout.train()) && !force) {
            throw new IllegalArgumentException(layout.train() + ": already exists; --force replaces the data set");
        }
        AtomicContent content = AtomicExport.of(data, contextField, line -> printer.println("note: " + line));
        AtomicContentWriter.write(content, out, name);
        data.test().ifPresent(test -> AtomicContentWriter.writeTest(content, test, layout));
        printer.printf("wrote %s as atomic files %s.{train.inter,valid.inter%s%s%s} in %s: %s%n", what, name,
                data.test().isPresent() ? ",test.inter" : "",
                content.itemTables().isEmpty() && content.itemCategories().isEmpty() ? "" : ",item",
                content.userCategories().isEmpty() ? "" : ",user", out, content);
        return layout;
    }

    /** The name a data set written into {@code out} gets by default: the folder's own name. */
    static String defaultName(Path out) {
        return out.toAbsolutePath().normalize().getFileName().toString();
    }
}
