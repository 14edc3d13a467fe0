package org.hdbn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesAndReplacesAndToleratesAWriterClosingTheStream() throws Exception {
        Path file = dir.resolve("a.txt");
        AtomicFiles.writeString(file, "first");
        AtomicFiles.write(file, out -> {
            out.write("sec".getBytes());
            out.close();
            out.write("ond".getBytes());
        });
        assertThat(Files.readString(file)).isEqualTo("second");
        assertThat(listing()).containsExactly("a.txt");
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("a.txt");
        AtomicFiles.writeString(file, "old");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("partial".getBytes());
            throw new IOException("disk full");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining(file.toString())
                .hasMessageContaining("disk full");
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(Files.readString(file)).isEqualTo("old");
        assertThat(listing()).containsExactly("a.txt");
    }

    @Test
    void failsNamingTheTargetWhenTheDirectoryIsMissing() {
        Path file = dir.resolve("no/such/dir/a.txt");
        assertThatThrownBy(() -> AtomicFiles.writeString(file, "x")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(file.toString());
    }

    private Stream<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
