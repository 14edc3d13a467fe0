package org.hdbn.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hdbn.gate.GateSpec;
import org.hdbn.graph.GraphSpec;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.graph.SpecInheritance;
import org.hdbn.graph.SpecMapper;
import org.hdbn.text.NearestNames;

/**
 * A complete recommender variant as data: the resources fitted to the data before training (the
 * gates that group users), the model graph and how to train it. The graph's {@code query} and
 * {@code candidate} nodes define the score {@code query(u, e) . candidate(i)}; the data binds the
 * inputs {@code user}, {@code emotion} (the context) and {@code item}.
 *
 * @param formatVersion  {@value GraphSpec#FORMAT_VERSION}
 * @param name           the variant's name in reports
 * @param description    one line on what it is
 * @param resources      gates fitted on the data before the graph is built, by the resource name
 *                       nodes read them under (e.g. {@code user_group}, which {@code gated_experts}
 *                       reads by default), in order; the first also groups the training batches
 *                       ({@code training.groupBatches}) and the rows of a step's shards. Absent: none
 * @param training       the training schedule
 * @param graph          the model graph
 * @param scoreTerms     nodes of the graph whose values are added to the dot product, each zero
 *                       for every song the user never played in training (e.g. a
 *                       {@code history_affinity}); the {@code bpr} node must add the same terms
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(int formatVersion, String name, String description,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, GateSpec> resources, TrainingSpec training,
        GraphSpec graph, List<String> scoreTerms) {

    public static final String QUERY = "query";
    public static final String CANDIDATE = "candidate";

    public ModelSpec {
        if (graph == null || training == null) {
            throw new SpecException("a model spec needs a graph and a training section");
        }
        scoreTerms = scoreTerms == null || scoreTerms.isEmpty() ? null : List.copyOf(scoreTerms);
        resources = resources == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        resources.forEach((resource, gate) -> {
            if (gate == null) {
                throw new SpecException("model '" + name + "': resource '" + resource + "' has no type");
            }
        });
        for (String term : scoreTerms == null ? List.<String>of() : scoreTerms) {
            if (!graph.nodes().containsKey(term)) {
                throw new SpecException("model '" + name + "': score term '" + term + "' is not a node of the graph");
            }
        }
        for (String node : new String[] {QUERY, CANDIDATE}) {
            if (!graph.nodes().containsKey(node)) {
                throw new SpecException("model '" + name + "': the graph needs a node named '" + node + "'"
                        + NearestNames.didYouMean(node, graph.nodes().keySet()));
            }
        }
        // the wiring is checked here, before any data is loaded or a gate is fitted
        ModelGraph.checkWiring(graph);
    }

    /** A model scored by the dot product alone. */
    public ModelSpec(int formatVersion, String name, String description, Map<String, GateSpec> resources,
            TrainingSpec training, GraphSpec graph) {
        this(formatVersion, name, description, resources, training, graph, null);
    }

    /** The score terms added to the dot product (empty for a pure two-tower model). */
    public List<String> terms() {
        return scoreTerms == null ? List.of() : scoreTerms;
    }

    /**
     * The nodes a training stage computes: the stage's loss nodes when it names them, else every
     * node but the score terms no other node reads. Such a term only ranks: no loss reaches its
     * value, so computing it in training (an {@code item_item} node sums EASE rows for every row of
     * a step) would be wasted. For a term that reads only inputs, as the built-in ones do, the other
     * nodes still run in the same order and draw the same random numbers, so training gives the
     * same parameters as when every node ran.
     */
    public List<String> trainingTargets(StageSpec stage) {
        return stage.losses().isEmpty() ? List.copyOf(trainingGraph().nodes().keySet()) : stage.losses();
    }

    /**
     * The graph without the score terms no node reads: the nodes a stage without {@code "losses"}
     * computes, in the spec's order. A copy built from it (the bench counts a step's products on
     * one) does not repeat the fits of terms that only rank, such as an {@code item_item} term's
     * EASE matrix.
     */
    public GraphSpec trainingGraph() {
        Map<String, NodeSpec> nodes = new LinkedHashMap<>(graph.nodes());
        for (String term : terms()) {
            if (graph.nodes().values().stream().noneMatch(node -> node.inputs().contains(term))) {
                nodes.remove(term);
            }
        }
        return new GraphSpec(graph.formatVersion(), graph.name(), graph.inputs(), graph.featureWidths(), nodes);
    }

    /**
     * Reads a spec file. With {@code "extends": BASE} (a built-in spec's name, or a file relative
     * to this one) it is the base with this file's fields merged in ({@link SpecInheritance}). A
     * spec that is not a built-in one but carries a built-in's name is refused: its models and
     * reports would pass for the built-in's.
     */
    public static ModelSpec read(SpecMapper mapper, Path file) {
        JsonNode tree = mapper.readTree(file);
        if (tree.has("gate")) {
            throw new SpecException(file + ": field gate: a gate is now a named resource; write \"resources\": "
                    + "{\"user_group\": {...the gate..., \"features\": \"user_genre_histogram\"}}");
        }
        ModelSpec spec = tree.has(SpecInheritance.EXTENDS)
                ? mapper.fromTree(file.toString(), SpecInheritance.resolve(tree, base -> baseTree(mapper, base, file)),
                        ModelSpec.class)
                : mapper.read(file, ModelSpec.class);
        if (SpecLibraries.names().contains(spec.name())) {
            JsonNode builtIn = mapper.objectMapper().valueToTree(builtIn(mapper, spec.name()));
            if (!builtIn.equals(mapper.objectMapper().valueToTree(spec))) {
                throw new SpecException(file + ": field name is '" + spec.name() + "', the name of a built-in spec, but "
                        + "this spec differs from it; give it a name of its own (\"name\": \"" + spec.name()
                        + "-variant\") so its models and reports are not taken for the built-in's");
            }
        }
        return spec;
    }

    private static JsonNode baseTree(SpecMapper mapper, String base, Path from) {
        if (SpecLibraries.names().contains(base)) {
            try (InputStream in = SpecLibraries.open(base)) {
                return mapper.objectMapper().readTree(in);
            } catch (java.io.IOException e) {
                throw new SpecException("cannot read built-in spec " + base + ": " + e.getMessage(), e);
            }
        }
        Path file = from.toAbsolutePath().resolveSibling(base);
        if (!Files.isRegularFile(file)) {
            throw new SpecException(from + ": field extends: '" + base + "' is neither a built-in spec"
                    + NearestNames.didYouMean(base, SpecLibraries.names()) + " " + SpecLibraries.names() + " nor a file ("
                    + file + ")");
        }
        return mapper.readTree(file);
    }

    /** A spec of an installed {@link SpecLibrary}, by name (e.g. {@code hdbn}). */
    public static ModelSpec builtIn(SpecMapper mapper, String name) {
        try (InputStream in = SpecLibraries.open(name)) {
            if (in == null) {
                throw new SpecException("no built-in spec named '" + name + "'" + NearestNames.didYouMean(name,
                        SpecLibraries.names()) + "; built in: " + SpecLibraries.names());
            }
            return mapper.read("built-in spec " + name, in, ModelSpec.class);
        } catch (java.io.IOException e) {
            throw new SpecException("cannot read built-in spec " + name + ": " + e.getMessage(), e);
        }
    }

    public ModelSpec withGraph(GraphSpec g) {
        return new ModelSpec(formatVersion, name, description, resources, training, g, scoreTerms);
    }

    /** The same variant with the named resource fitted by another gate (added last if it is new). */
    public ModelSpec withResource(String resource, GateSpec g) {
        Map<String, GateSpec> copy = new LinkedHashMap<>(resources);
        copy.put(resource, g);
        return new ModelSpec(formatVersion, name, description, copy, training, graph, scoreTerms);
    }

    /** The same variant under another name and description. */
    public ModelSpec withName(String n, String d) {
        return new ModelSpec(formatVersion, n, d, resources, training, graph, scoreTerms);
    }

    public ModelSpec withTraining(TrainingSpec t) {
        return new ModelSpec(formatVersion, name, description, resources, t, graph, scoreTerms);
    }
}
