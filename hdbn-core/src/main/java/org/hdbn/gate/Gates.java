package org.hdbn.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Saves and loads gates as JSON:
 * {@code {"format":"hdbn-gate","version":1,"type":"centroid", ...fields of the type...}}.
 * The {@code type} field selects a {@link GateCodec}: the built-in ones for {@link CentroidGate},
 * {@link FixedGate} and {@link SingleGate}, plus any registered through {@link ServiceLoader}.
 * Numbers are written in their shortest exact decimal form, so a reloaded gate is equal to the
 * saved one and assigns every feature vector identically.
 */
public final class Gates {

    /** Value of the {@code format} field. */
    public static final String FORMAT = "hdbn-gate";

    /** The format version this build writes and the only one it reads. */
    public static final int VERSION = 1;

    private Gates() {
    }

    /**
     * Writes the gate to {@code file} atomically (a temporary file in the same directory, then
     * an atomic rename), replacing any existing file.
     *
     * @throws IllegalArgumentException if no codec is registered for the gate's class
     */
    public static void save(Gate gate, Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = mapper().writeValueAsBytes(toJson(gate));
        org.hdbn.io.AtomicFiles.writeBytes(file, bytes);
    }

    /**
     * Reads a gate written by {@link #save}.
     *
     * @throws java.nio.file.NoSuchFileException if the file does not exist
     * @throws GateFormatException naming the file when it is empty, truncated, not JSON, not a
     *     gate, of another version, of an unknown type, or has a missing or invalid field
     */
    public static Gate load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] bytes = Files.readAllBytes(file);
        JsonNode root;
        try {
            root = mapper().readTree(bytes);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr();
            throw new GateFormatException(file + ": truncated or malformed JSON" + where + ": "
                    + e.getOriginalMessage(), e);
        }
        return fromJson(root, file.toString());
    }

    /** The saved form of a gate as a JSON object (for embedding in a larger document). */
    public static ObjectNode toJson(Gate gate) {
        Objects.requireNonNull(gate, "gate");
        GateCodec codec = codecs().stream().filter(c -> c.gateClass() == gate.getClass())
                .findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "no GateCodec registered for " + gate.getClass().getName()));
        ObjectNode out = mapper().createObjectNode();
        out.put("format", FORMAT);
        out.put("version", VERSION);
        out.put("type", codec.type());
        codec.write(gate, out);
        return out;
    }

    /**
     * Rebuilds a gate from its saved JSON form.
     *
     * @param source names where the JSON came from in error messages (e.g. the file name)
     * @throws GateFormatException whose message starts with {@code source}
     */
    public static Gate fromJson(JsonNode root, String source) {
        try {
            if (root == null || root.isMissingNode()) {
                throw new GateFormatException("empty file, expected a gate object");
            }
            if (!root.isObject()) {
                throw new GateFormatException("expected a JSON object, got " + root.getNodeType());
            }
            String format = JsonFields.text(root, "format");
            if (!FORMAT.equals(format)) {
                throw new GateFormatException("field 'format' is '" + format + "', expected '"
                        + FORMAT + "'");
            }
            int version = JsonFields.integer(root, "version");
            if (version != VERSION) {
                throw new GateFormatException("format version " + version
                        + " is not supported (this build reads version " + VERSION + ")");
            }
            String type = JsonFields.text(root, "type");
            TreeMap<String, GateCodec> byType = byType();
            GateCodec codec = byType.get(type);
            if (codec == null) {
                throw new GateFormatException("unknown gate type '" + type + "' (known: "
                        + String.join(", ", byType.keySet()) + ")");
            }
            return codec.read(root);
        } catch (GateFormatException | IllegalArgumentException e) {
            throw new GateFormatException(source + ": " + e.getMessage(), e);
        }
    }

    private static List<GateCodec> codecs() {
        List<GateCodec> all = new ArrayList<>(BuiltInCodecs.all());
        ServiceLoader.load(GateCodec.class).forEach(all::add);
        return all;
    }

    private static TreeMap<String, GateCodec> byType() {
        TreeMap<String, GateCodec> byType = new TreeMap<>();
        for (GateCodec c : codecs()) {
            GateCodec previous = byType.putIfAbsent(c.type(), c);
            if (previous != null) {
                throw new IllegalStateException("gate type '" + c.type() + "' is claimed by both "
                        + previous.getClass().getName() + " and " + c.getClass().getName());
            }
        }
        return byType;
    }

    private static JsonMapper mapper() {
        return JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }
}
