package org.hdbn.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files atomically: the content goes to a temporary file in the target's directory, is
 * forced to disk, and is then renamed over the target with {@code ATOMIC_MOVE}. A reader sees
 * either the old file or the complete new one, never a partial write; a failed write leaves the
 * old file untouched and removes the temporary file.
 */
public final class AtomicFiles {

    /** Writes the whole content of a file to a stream. It need not close the stream. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with what {@code writer} writes. The target's directory must exist.
     *
     * @throws UncheckedIOException naming the target when writing, syncing or renaming fails
     */
    public static void write(Path target, ContentWriter writer) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            temp = createTemp(dir, absolute.getFileName().toString());
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream buffered = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                writer.writeTo(new UnclosableStream(buffered));
                buffered.flush();
                channel.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            syncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /** Replaces {@code target} with {@code bytes}. */
    public static void writeBytes(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** Replaces {@code target} with {@code text} encoded as UTF-8. */
    public static void writeString(Path target, String text) {
        writeBytes(target, text.getBytes(StandardCharsets.UTF_8));
    }

    // A dot-prefixed name that cannot clash with a real file; CREATE_NEW (rather than
    // Files.createTempFile) keeps the process umask, so the result is as readable as any new file.
    private static Path createTemp(Path dir, String name) throws IOException {
        String stem = "." + name + "." + ProcessHandle.current().pid() + "." + Thread.currentThread().getId();
        for (long attempt = System.nanoTime(); ; attempt++) {
            Path temp = dir.resolve(stem + "." + Long.toHexString(attempt) + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // another writer picked the same name; try the next one
            }
        }
    }

    // Makes the rename itself durable. Some platforms cannot open a directory for syncing; the
    // rename has happened either way, so failing here would report a write that succeeded.
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort, see above
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the write already failed with the more informative exception
        }
    }

    /** Lets writers close "their" stream (as Jackson does) without closing the file early. */
    private static final class UnclosableStream extends FilterOutputStream {
        UnclosableStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
