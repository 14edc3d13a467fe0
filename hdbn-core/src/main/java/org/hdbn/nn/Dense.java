package org.hdbn.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;

/** A fully connected layer {@code activation(x W + b)}, W of shape {@code [in, out]}. */
public final class Dense implements Block {

    private final Parameter weight;
    private final Parameter bias;
    private final Activation activation;

    /**
     * Creates (or reuses, by name) {@code name/weight} with Glorot-uniform values and
     * {@code name/bias} with zeros.
     */
    public Dense(ParameterStore store, String name, int in, int out, Activation activation,
            UniformRandomProvider rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("Dense '" + name + "' needs positive sizes, got " + in + " -> " + out);
        }
        this.weight = store.getOrCreate(name + "/weight", new int[] {in, out}, Initializer.glorotUniform(), rng);
        this.bias = store.getOrCreate(name + "/bias", new int[] {out}, Initializer.zeros(), rng);
        this.activation = activation;
    }

    @Override
    public Var forward(Graph g, Var input, ForwardMode mode) {
        return activation.apply(g, g.linear(input, g.param(weight), g.param(bias)));
    }

    @Override
    public int inputDim() {
        return weight.shape()[0];
    }

    @Override
    public int outputDim() {
        return weight.shape()[1];
    }

    @Override
    public boolean outputsDistribution() {
        return activation == Activation.SOFTMAX;
    }

    public Parameter weight() {
        return weight;
    }

    public Parameter bias() {
        return bias;
    }
}
