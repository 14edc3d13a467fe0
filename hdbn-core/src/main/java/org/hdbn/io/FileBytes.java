package org.hdbn.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a whole data file into memory, turning a missing file into a {@link DataFormatException}. */
public final class FileBytes {

    private FileBytes() {
    }

    /**
     * All bytes of {@code file}.
     *
     * @throws DataFormatException if the file does not exist or is not a regular file
     * @throws UncheckedIOException on any other read failure, naming the file
     */
    public static byte[] read(Path file) {
        if (Files.isDirectory(file)) {
            throw new DataFormatException(file + ": is a directory, expected a file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
