package org.hdbn.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hdbn.gate.Gate;
import org.hdbn.gate.Gates;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecMapper;
import org.hdbn.io.AtomicFiles;
import org.hdbn.io.FileTrees;
import org.hdbn.io.DataFormatException;
import org.hdbn.param.ParameterFiles;
import org.hdbn.param.ParameterStore;
import org.hdbn.run.data.Dataset;

/**
 * A trained recommender: its spec, parameters, gate and provenance. Saved as a folder —
 * {@code model.json} (provenance and the spec), {@code params.json}/{@code params.bin},
 * {@code gate.json} — written into a temporary sibling folder first and then renamed into place,
 * so a crash never leaves a half-written model under the target name.
 */
public record TrainedModel(ModelSpec spec, ModelGraph graph, ParameterStore store, Gate gate, ModelInfo info) {

    public static final String MODEL_FILE = "model.json";
    public static final String PARAMS = "params";
    public static final String GATE_FILE = "gate.json";

    /** Writes the model folder; an existing folder of that name is replaced whole. */
    public void save(Path dir, SpecMapper mapper) {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Path temp = parent.resolve("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(parent);
            FileTrees.delete(temp);
            Files.createDirectories(temp);
            ParameterFiles.save(store, temp, PARAMS);
            if (gate != null) {
                Gates.save(gate, temp.resolve(GATE_FILE));
            }
            ObjectNode root = mapper.objectMapper().valueToTree(info);
            root.set("spec", mapper.objectMapper().valueToTree(spec));
            AtomicFiles.writeString(temp.resolve(MODEL_FILE), mapper.objectMapper().writeValueAsString(root));
            Path old = parent.resolve("." + target.getFileName() + ".old-" + ProcessHandle.current().pid());
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            FileTrees.delete(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model folder and rebuilds it on the given data, which must be the data it was
     * trained on (same fingerprint).
     */
    public static TrainedModel load(Path dir, Dataset data, SpecMapper mapper) {
        Path file = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(dir + ": not a model folder (no " + MODEL_FILE + ")");
        }
        JsonNode root;
        ModelInfo info;
        ModelSpec spec;
        try {
            root = mapper.objectMapper().readTree(file.toFile());
            if (root == null || !root.has("spec")) {
                throw new DataFormatException(file + ": not an hdbn model file (no spec)");
            }
            spec = mapper.fromTree(file + " (field spec)", root.get("spec"), ModelSpec.class);
            ((ObjectNode) root).remove("spec");
            info = mapper.objectMapper().treeToValue(root, ModelInfo.class);
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (!ModelInfo.FORMAT.equals(info.format()) || info.version() != ModelInfo.FORMAT_VERSION) {
            throw new DataFormatException(file + ": format " + info.format() + " version " + info.version()
                    + " is not supported (this release reads " + ModelInfo.FORMAT + " version " + ModelInfo.FORMAT_VERSION + ")");
        }
        if (!info.dataFingerprint().equals(data.fingerprint())) {
            throw new DataFormatException("the model in " + dir + " was trained on data set '" + info.dataName()
                    + "' (fingerprint " + info.dataFingerprint().substring(0, 12) + "...), not on "
                    + data.location().map(Path::toString).orElse(data.name())
                    + " (fingerprint " + data.fingerprint().substring(0, 12) + "...)");
        }
        Gate gate = null;
        if (info.hasGate()) {
            try {
                gate = Gates.load(dir.resolve(GATE_FILE));
            } catch (IOException e) {
                throw new DataFormatException(dir.resolve(GATE_FILE) + ": cannot read: " + e.getMessage(), e);
            }
        }
        ParameterStore store = new ParameterStore();
        ModelGraph graph = new DataBinding(data).build(spec.graph(), store, info.seed(), gate);
        ParameterFiles.loadInto(store, dir, PARAMS);
        return new TrainedModel(spec, graph, store, gate, info);
    }

}
