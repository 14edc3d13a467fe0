package org.hdbn.variational.bayes;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Block;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.graph.KlSource;

/**
 * A multilayer perceptron of {@link BayesianDense} layers sharing one configuration (prior,
 * estimator, initialisation, deterministic switch): hidden layers with one activation, then an
 * output layer with its own. Layers are named {@code name/layer0}, {@code name/layer1}, ...; its
 * KL is the sum of theirs. HDBN's mood-preference network is one: 16 -> 64 -> 64 -> 9, ReLU.
 */
public final class BayesianMlp implements Block, KlSource {

    private final List<BayesianDense> layers;

    public BayesianMlp(ParameterStore store, String name, int in, int[] hidden, int out, Activation activation,
            Activation outputActivation, BayesianLayerConfig config, UniformRandomProvider rng) {
        List<BayesianDense> ls = new ArrayList<>();
        int width = in;
        for (int i = 0; i < hidden.length; i++) {
            ls.add(new BayesianDense(store, name + "/layer" + i, width, hidden[i], activation, config, rng));
            width = hidden[i];
        }
        ls.add(new BayesianDense(store, name + "/layer" + hidden.length, width, out, outputActivation, config, rng));
        this.layers = List.copyOf(ls);
    }

    @Override
    public Var forward(Graph g, Var input, ForwardMode mode) {
        Var x = input;
        for (BayesianDense layer : layers) {
            x = layer.forward(g, x, mode);
        }
        return x;
    }

    @Override
    public Var kl(Graph g, KlRegistry registry, UniformRandomProvider rng) {
        Var total = null;
        for (BayesianDense layer : layers) {
            Var k = layer.kl(g, registry, rng);
            total = total == null ? k : g.add(total, k);
        }
        return total;
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

    public List<BayesianDense> layers() {
        return layers;
    }
}
