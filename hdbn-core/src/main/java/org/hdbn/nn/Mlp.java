package org.hdbn.nn;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.ParameterStore;

/**
 * A multilayer perceptron: dense layers of the given hidden sizes with one activation, then an
 * output layer with its own activation. Layers are named {@code name/layer0}, {@code name/layer1}, ...
 */
public final class Mlp implements Block {

    private final List<Dense> layers;

    public Mlp(ParameterStore store, String name, int in, int[] hidden, int out, Activation activation,
            Activation outputActivation, UniformRandomProvider rng) {
        List<Dense> ls = new ArrayList<>();
        int width = in;
        for (int i = 0; i < hidden.length; i++) {
            ls.add(new Dense(store, name + "/layer" + i, width, hidden[i], activation, rng));
            width = hidden[i];
        }
        ls.add(new Dense(store, name + "/layer" + hidden.length, width, out, outputActivation, rng));
        this.layers = List.copyOf(ls);
    }

    @Override
    public Var forward(Graph g, Var input, ForwardMode mode) {
        Var x = input;
        for (Dense layer : layers) {
            x = layer.forward(g, x, mode);
        }
        return x;
    }

    @Override
    public int inputDim() {
        return layers.get(0).inputDim();
    }

    @Override
    public int outputDim() {
        return layers.get(layers.size() - 1).outputDim();
    }

    @Override
    public boolean outputsDistribution() {
        return layers.get(layers.size() - 1).outputsDistribution();
    }

    public List<Dense> layers() {
        return layers;
    }
}
