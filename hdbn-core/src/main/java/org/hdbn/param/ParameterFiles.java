package org.hdbn.param;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.hdbn.io.AtomicFiles;
import org.hdbn.io.DataFormatException;
import org.hdbn.tensor.Tensor;

/**
 * Saves and loads a {@link ParameterStore}: names, shapes and flags in {@code NAME.json}, values and
 * optimizer slots in {@code NAME.bin} (a magic string, then little-endian doubles, so a resumed
 * run continues bit for bit). The JSON records the binary file's length and CRC-32, so a truncated
 * or corrupted file is refused with the file and the problem named. Both files are written
 * atomically, the binary first: a crash between the two leaves a pair whose checksums disagree,
 * which is refused rather than read.
 */
public final class ParameterFiles {

    public static final int FORMAT_VERSION = 1;
    static final byte[] MAGIC = "HDBNPAR1".getBytes(StandardCharsets.US_ASCII);

    /** One parameter's entry in the JSON index. */
    public record Entry(String name, int[] shape, boolean rowSparse, boolean trainable, List<String> slots) {
    }

    /** The JSON index. */
    public record Index(String format, int version, long bytes, String crc32, List<Entry> parameters) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ParameterFiles() {
    }

    public static void save(ParameterStore store, Path dir, String name) {
        List<Entry> entries = new ArrayList<>();
        long doubles = 0;
        for (Parameter p : store.all()) {
            List<String> slots = List.copyOf(p.slotNames());
            entries.add(new Entry(p.name(), p.shape(), p.rowSparse(), p.trainable(), slots));
            doubles += (long) p.value().size() * (1 + slots.size());
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(MAGIC.length + 8 * doubles)).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC);
        for (Parameter p : store.all()) {
            put(buf, p.value().data());
            for (String slot : p.slotNames()) {
                put(buf, p.slotValues(slot));
            }
        }
        byte[] bin = buf.array();
        AtomicFiles.writeBytes(dir.resolve(name + ".bin"), bin);
        Index index = new Index("hdbn-parameters", FORMAT_VERSION, bin.length, crc(bin), entries);
        try {
            AtomicFiles.writeBytes(dir.resolve(name + ".json"), JSON.writeValueAsBytes(index));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode parameter index: " + e.getMessage(), e);
        }
    }

    /**
     * Loads values (and optimizer slots, trainable flags) into a store whose parameters the model
     * already created; the saved names and shapes must match the store's exactly.
     */
    public static void loadInto(ParameterStore store, Path dir, String name) {
        Path jsonFile = dir.resolve(name + ".json");
        Path binFile = dir.resolve(name + ".bin");
        Index index = readIndex(jsonFile);
        Set<String> saved = new LinkedHashSet<>();
        index.parameters().forEach(e -> saved.add(e.name()));
        Set<String> wanted = new LinkedHashSet<>();
        store.all().forEach(p -> wanted.add(p.name()));
        if (!saved.equals(wanted)) {
            Set<String> missing = new LinkedHashSet<>(wanted);
            missing.removeAll(saved);
            Set<String> extra = new LinkedHashSet<>(saved);
            extra.removeAll(wanted);
            throw new DataFormatException(jsonFile + ": parameters do not match the model: missing " + missing
                    + ", unexpected " + extra);
        }
        ByteBuffer buf = ByteBuffer.wrap(readBin(binFile, index)).order(ByteOrder.LITTLE_ENDIAN);
        buf.position(MAGIC.length);
        for (Entry e : index.parameters()) {
            Parameter p = store.get(e.name());
            if (!Arrays.equals(p.shape(), e.shape()) || p.rowSparse() != e.rowSparse()) {
                throw new DataFormatException(jsonFile + ": parameter '" + e.name() + "' has shape "
                        + Arrays.toString(e.shape()) + " in the file, " + Arrays.toString(p.shape()) + " in the model");
            }
            get(buf, p.value().data(), binFile, e.name());
            p.valueWritten();
            for (String slot : e.slots()) {
                double[] content = new double[p.value().size()];
                get(buf, content, binFile, e.name() + " slot " + slot);
                p.setSlot(slot, content);
            }
            p.setTrainable(e.trainable());
        }
    }

    /** Reads a saved store as new parameters (no model needed). */
    public static ParameterStore load(Path dir, String name) {
        Index index = readIndex(dir.resolve(name + ".json"));
        ParameterStore store = new ParameterStore();
        for (Entry e : index.parameters()) {
            store.add(new Parameter(e.name(), Tensor.zeros(e.shape()), e.rowSparse()));
        }
        loadInto(store, dir, name);
        return store;
    }

    private static Index readIndex(Path file) {
        Index index;
        try {
            index = JSON.readValue(file.toFile(), Index.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new DataFormatException(file + ": parameter index not found");
        } catch (IOException e) {
            throw new DataFormatException(file + ": not a readable parameter index (" + e.getMessage() + ")", e);
        }
        if (!"hdbn-parameters".equals(index.format()) || index.parameters() == null) {
            throw new DataFormatException(file + ": not an hdbn parameter index");
        }
        if (index.version() != FORMAT_VERSION) {
            throw new DataFormatException(file + ": parameter format version " + index.version()
                    + " is not supported (this release reads " + FORMAT_VERSION + ")");
        }
        return index;
    }

    private static byte[] readBin(Path file, Index index) {
        byte[] bin;
        try {
            bin = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": parameter values not found");
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (bin.length != index.bytes()) {
            throw new DataFormatException(file + ": " + bin.length + " bytes, the index says " + index.bytes()
                    + (bin.length < index.bytes() ? " (truncated)" : " (trailing data)"));
        }
        if (!Arrays.equals(Arrays.copyOf(bin, Math.min(bin.length, MAGIC.length)), MAGIC)) {
            throw new DataFormatException(file + ": not an hdbn parameter file (bad magic)");
        }
        String actual = crc(bin);
        if (!actual.equals(index.crc32())) {
            throw new DataFormatException(file + ": checksum " + actual + " does not match the index's "
                    + index.crc32() + " (corrupted, or written by another save)");
        }
        return bin;
    }

    private static void put(ByteBuffer buf, double[] values) {
        for (double v : values) {
            buf.putDouble(v);
        }
    }

    private static void get(ByteBuffer buf, double[] into, Path file, String what) {
        if (buf.remaining() < 8L * into.length) {
            throw new DataFormatException(file + ": ends inside '" + what + "'");
        }
        for (int k = 0; k < into.length; k++) {
            into[k] = buf.getDouble();
        }
    }

    private static String crc(byte[] bytes) {
        CRC32 c = new CRC32();
        c.update(bytes);
        return String.format("%08x", c.getValue());
    }
}
