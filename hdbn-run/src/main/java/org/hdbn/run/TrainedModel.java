package org.hdbn.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hdbn.gate.Gate;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecException;
import org.hdbn.graph.SpecMapper;
import org.hdbn.io.AtomicFiles;
import org.hdbn.io.DataFormatException;
import org.hdbn.io.FileTrees;
import org.hdbn.param.ParameterFiles;
import org.hdbn.param.ParameterStore;
import org.hdbn.run.data.Dataset;
import org.hdbn.run.data.DatasetFolder;

/**
 * A trained recommender: its spec, parameters, fitted resources (the gates), the data it was built
 * on and its provenance. Saved as a folder — {@code model.json} (provenance, the spec and the
 * fitted resources, all through the spec mapper), {@code params.json}/{@code params.bin}, and
 * {@code data/}, a copy of the data set ({@link DatasetFolder}: ids and labels, item tables,
 * categories, the splits) so the model evaluates and recommends without its data folder — written
 * into a temporary sibling folder first and then renamed into place, so a crash never leaves a
 * half-written model under the target name.
 *
 * @param resources  the fitted resources by name, in the spec's order
 * @param data       the data set the graph was built on (its training interactions give the seen
 *                   items and history score terms)
 */
public record TrainedModel(ModelSpec spec, ModelGraph graph, ParameterStore store, Map<String, Gate> resources,
        Dataset data, ModelInfo info) {

    public static final String MODEL_FILE = "model.json";
    public static final String PARAMS = "params";
    /** The folder inside a model folder holding its copy of the data set. */
    public static final String DATA = "data";

    /** The JSON type of the fitted resources, so each gate is written with its {@code type}. */
    static final TypeReference<Map<String, Gate>> RESOURCES = new TypeReference<>() {
    };

    public TrainedModel {
        resources = inSpecOrder(spec, resources);
    }

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
            DatasetFolder.save(data, temp.resolve(DATA), mapper);
            ObjectNode root = mapper.objectMapper().valueToTree(info);
            root.set("spec", mapper.objectMapper().valueToTree(spec));
            root.set("resources", mapper.objectMapper().readTree(
                    mapper.objectMapper().writerFor(RESOURCES).writeValueAsString(resources)));
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

    /** Reads a model folder and rebuilds it on the copy of its data set it holds. */
    public static TrainedModel load(Path dir, SpecMapper mapper) {
        requireModelFolder(dir);
        return load(dir, DatasetFolder.load(dir.resolve(DATA), mapper), mapper);
    }

    /**
     * Reads a model folder and rebuilds it on the given data, which must be the data it was
     * trained on (same fingerprint).
     */
    public static TrainedModel load(Path dir, Dataset data, SpecMapper mapper) {
        requireModelFolder(dir);
        Path file = dir.resolve(MODEL_FILE);
        JsonNode root;
        ModelInfo info;
        ModelSpec spec;
        Map<String, Gate> resources;
        try {
            root = mapper.objectMapper().readTree(file.toFile());
            if (root == null || !root.has("spec")) {
                throw new DataFormatException(file + ": not an hdbn model file (no spec)");
            }
            JsonNode version = root.get("version");
            if (!ModelInfo.FORMAT.equals(root.path("format").asText()) || version == null
                    || version.asInt() != ModelInfo.FORMAT_VERSION) {
                throw new DataFormatException(file + ": format " + root.path("format").asText() + " version "
                        + (version == null ? "none" : version.asText()) + " is not supported (this release reads "
                        + ModelInfo.FORMAT + " version " + ModelInfo.FORMAT_VERSION + "; a model saved with its gate in "
                        + "gate.json, version 1, must be trained again)");
            }
            spec = mapper.fromTree(file + " (field spec)", root.get("spec"), ModelSpec.class);
            JsonNode saved = root.path("resources");
            resources = saved.isMissingNode() ? Map.of() : mapper.objectMapper().readerFor(RESOURCES).readValue(saved);
            ((ObjectNode) root).remove("spec");
            ((ObjectNode) root).remove("resources");
            info = mapper.objectMapper().treeToValue(root, ModelInfo.class);
        } catch (IOException e) {
            throw new DataFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (!info.dataFingerprint().equals(data.fingerprint())) {
            throw new DataFormatException("the model in " + dir + " was trained on data set '" + info.dataName()
                    + "' (fingerprint " + info.dataFingerprint().substring(0, 12) + "...), not on "
                    + data.location().map(Path::toString).orElse(data.name())
                    + " (fingerprint " + data.fingerprint().substring(0, 12) + "...)");
        }
        ParameterStore store = new ParameterStore();
        ModelGraph graph = new DataBinding(data).build(spec.graph(), store, info.seed(), inSpecOrder(spec, resources));
        ParameterFiles.loadInto(store, dir, PARAMS);
        return new TrainedModel(spec, graph, store, resources, data, info);
    }

    private static void requireModelFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir + (Files.exists(dir) ? ": is a file, not a model folder"
                    : ": no such model folder"));
        }
        if (!Files.isRegularFile(dir.resolve(MODEL_FILE))) {
            throw new DataFormatException(dir + ": not a model folder (no " + MODEL_FILE + ")");
        }
    }

    /**
     * The fitted resources in the spec's order.
     *
     * @throws SpecException when one the spec names is missing or one it does not name is given
     */
    static Map<String, Gate> inSpecOrder(ModelSpec spec, Map<String, Gate> resources) {
        Map<String, Gate> ordered = new LinkedHashMap<>();
        for (String name : spec.resources().keySet()) {
            Gate g = resources.get(name);
            if (g == null) {
                throw new SpecException("model '" + spec.name() + "': the fitted resource '" + name + "' is missing");
            }
            ordered.put(name, g);
        }
        if (ordered.size() != resources.size()) {
            throw new SpecException("model '" + spec.name() + "': fitted resources " + resources.keySet()
                    + " are not the spec's " + spec.resources().keySet());
        }
        return Collections.unmodifiableMap(ordered);
    }
}
