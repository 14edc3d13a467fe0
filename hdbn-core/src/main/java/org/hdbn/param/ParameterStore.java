package org.hdbn.param;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.concurrent.TaskRunner;
import org.hdbn.tensor.Tensor;

/**
 * The named parameters of one model, in creation order. Blocks create their parameters here under
 * hierarchical names ({@code encoder/layer0/weight}); asking twice for the same name with the same
 * shape returns the same parameter, which is how two nodes share a table.
 */
public final class ParameterStore {

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();

    /**
     * The parameter with this name, created and initialised when absent. An existing parameter
     * must have the same shape and sparsity.
     */
    public Parameter getOrCreate(String name, int[] shape, boolean rowSparse, Initializer init,
            UniformRandomProvider rng) {
        Parameter existing = parameters.get(name);
        if (existing != null) {
            if (!Arrays.equals(existing.shape(), shape) || existing.rowSparse() != rowSparse) {
                throw new IllegalArgumentException("parameter '" + name + "' exists with shape "
                        + Arrays.toString(existing.shape()) + (existing.rowSparse() ? " (row-sparse)" : "")
                        + ", asked for " + Arrays.toString(shape) + (rowSparse ? " (row-sparse)" : ""));
            }
            return existing;
        }
        Tensor value = Tensor.zeros(shape);
        init.fill(value, rng);
        Parameter p = new Parameter(name, value, rowSparse);
        parameters.put(name, p);
        return p;
    }

    /** A dense parameter (see {@link #getOrCreate(String, int[], boolean, Initializer, UniformRandomProvider)}). */
    public Parameter getOrCreate(String name, int[] shape, Initializer init, UniformRandomProvider rng) {
        return getOrCreate(name, shape, false, init, rng);
    }

    /** Adds a parameter made elsewhere; the name must be new. */
    public void add(Parameter parameter) {
        if (parameters.putIfAbsent(parameter.name(), parameter) != null) {
            throw new IllegalArgumentException("parameter '" + parameter.name() + "' already exists");
        }
    }

    public Parameter get(String name) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no parameter '" + name + "'");
        }
        return p;
    }

    public boolean contains(String name) {
        return parameters.containsKey(name);
    }

    public Collection<Parameter> all() {
        return Collections.unmodifiableCollection(parameters.values());
    }

    /** Parameters whose name starts with the prefix, in creation order. */
    public List<Parameter> withPrefix(String prefix) {
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : parameters.values()) {
            if (p.name().startsWith(prefix)) {
                out.add(p);
            }
        }
        return out;
    }

    public int size() {
        return parameters.size();
    }

    /** Total number of scalar values. */
    public long valueCount() {
        long n = 0;
        for (Parameter p : parameters.values()) {
            n += p.value().size();
        }
        return n;
    }

    public void zeroGrads() {
        parameters.values().forEach(Parameter::zeroGrad);
    }

    /** {@link #zeroGrads()}, the parameters cleared by {@code runner}. */
    public void zeroGrads(TaskRunner runner) {
        List<Parameter> list = List.copyOf(parameters.values());
        runner.run(list.size(), i -> list.get(i).zeroGrad());
    }
}
