package org.hdbn.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Folder-level file operations shared by the model and checkpoint writers. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes a file or a folder with everything in it; nothing happens when it does not exist. */
    public static void delete(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
