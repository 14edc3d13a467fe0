package org.hdbn.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;

/**
 * A lookup table of {@code rows} vectors of size {@code dim}, a row-sparse parameter: a step
 * updates only the rows its batch used.
 */
public final class Embedding {

    private final Parameter table;

    /** Creates (or reuses, by name) the table with the given initializer. */
    public Embedding(ParameterStore store, String name, int rows, int dim, Initializer init,
            UniformRandomProvider rng) {
        if (rows <= 0 || dim <= 0) {
            throw new IllegalArgumentException("Embedding '" + name + "' needs positive sizes, got " + rows + " x " + dim);
        }
        this.table = store.getOrCreate(name, new int[] {rows, dim}, true, init, rng);
    }

    /** The rows for the given indexes, {@code [indexes.length, dim]}. */
    public Var forward(Graph g, int[] indexes) {
        return g.gather(g.param(table), indexes);
    }

    public int rows() {
        return table.shape()[0];
    }

    public int dim() {
        return table.shape()[1];
    }

    public Parameter table() {
        return table;
    }
}
