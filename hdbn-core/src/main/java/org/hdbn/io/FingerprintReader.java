package org.hdbn.io;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Reads files whole and folds each into one SHA-256 digest, in the order read. Each file enters
 * under a fixed label (its role, not its path) and its length, so the fingerprint depends on the
 * content alone, not on where the folder lives.
 */
public final class FingerprintReader {

    private final MessageDigest digest;

    /** A reader with nothing read yet. */
    public FingerprintReader() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** All bytes of {@code file} (as {@link FileBytes#read}), folded into the digest under {@code label}. */
    public byte[] read(String label, Path file) {
        byte[] bytes = FileBytes.read(file);
        add(label, bytes);
        return bytes;
    }

    /** Folds {@code bytes} into the digest under {@code label}, e.g. a setting that changes what the files mean. */
    public void add(String label, byte[] bytes) {
        digest.update(label.getBytes(StandardCharsets.UTF_8));
        digest.update(ByteBuffer.allocate(9).put((byte) 0).putLong(bytes.length).array());
        digest.update(bytes);
    }

    /** {@code "sha256:<hex>"} over everything read so far; call once, at the end. */
    public String fingerprint() {
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }
}
