package org.hdbn.graph;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;

/**
 * What a spec needs to become a model: the parameter store to create parameters in, the seed
 * their initial values derive from, and the resources the data and the caller provide by name —
 * dimensions ({@code users}), constant tables ({@code song_mood}) and objects such as fitted gates.
 */
public final class BuildContext {

    private final ParameterStore store;
    private final long seed;
    private final Map<String, Integer> dims;
    private final Map<String, Tensor> tables;
    private final Map<String, Object> resources;
    private final Map<String, Integer> outputDims = new HashMap<>();
    private final Map<String, InputKind> inputs = new HashMap<>();
    private String nodeName = "";

    public BuildContext(ParameterStore store, long seed, Map<String, Integer> dims, Map<String, Tensor> tables,
            Map<String, Object> resources) {
        this.store = store;
        this.seed = seed;
        this.dims = Map.copyOf(dims);
        this.tables = Map.copyOf(tables);
        this.resources = Map.copyOf(resources);
    }

    public ParameterStore store() {
        return store;
    }

    /** The node being built. */
    public String nodeName() {
        return nodeName;
    }

    /** A stream for initialising the named parameter group: independent of build order. */
    public UniformRandomProvider initRng(String name) {
        return RandomStreams.create(seed, "init:" + name);
    }

    public int dim(String name) {
        Integer v = dims.get(name);
        if (v == null) {
            throw new SpecException("node '" + nodeName + "': unknown dimension '" + name + "'; the data defines "
                    + new TreeSet<>(dims.keySet()));
        }
        return v;
    }

    public Tensor table(String name) {
        Tensor t = tables.get(name);
        if (t == null) {
            throw new SpecException("node '" + nodeName + "': unknown table '" + name + "'; the data provides "
                    + new TreeSet<>(tables.keySet()));
        }
        return t;
    }

    /** A named resource of the given type (e.g. a fitted gate). */
    public <T> T resource(String name, Class<T> type) {
        Object r = resources.get(name);
        if (r == null) {
            throw new SpecException("node '" + nodeName + "': no " + type.getSimpleName() + " named '" + name
                    + "'; provided: " + new TreeSet<>(resources.keySet()));
        }
        if (!type.isInstance(r)) {
            throw new SpecException("node '" + nodeName + "': resource '" + name + "' is a "
                    + r.getClass().getSimpleName() + ", not a " + type.getSimpleName());
        }
        return type.cast(r);
    }

    /** Columns of a built node's output or of a feature input. */
    public int outputDim(String name) {
        Integer d = outputDims.get(name);
        if (d == null) {
            InputKind kind = inputs.get(name);
            throw new SpecException("node '" + nodeName + "' reads '" + name + "' as a value, but it is "
                    + (kind == InputKind.INDEX ? "an index input" : "not built yet"));
        }
        return d;
    }

    /** Columns of several nodes' outputs (or feature inputs) placed side by side. */
    public int outputDim(java.util.List<String> names) {
        int total = 0;
        for (String name : names) {
            total += outputDim(name);
        }
        return total;
    }

    /** Refuses a name that is not an index input of the graph. */
    public void requireIndexInput(String name) {
        if (inputs.get(name) != InputKind.INDEX) {
            throw new SpecException("node '" + nodeName + "' needs an index input, but '" + name + "' is "
                    + (inputs.containsKey(name) ? "a feature input" : "a node"));
        }
    }

    void declareInput(String name, InputKind kind, int width) {
        inputs.put(name, kind);
        if (kind == InputKind.FEATURES) {
            outputDims.put(name, width);
        }
    }

    void enter(String node) {
        this.nodeName = node;
    }

    void built(String node, int outputDim) {
        outputDims.put(node, outputDim);
    }
}
