package org.hdbn.variational.bayes;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.LossKind;
import org.hdbn.graph.LossSink;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Block;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;

/**
 * A multilayer perceptron of {@link BayesianDense} layers sharing one configuration (prior,
 * estimator, initialisation, deterministic switch): hidden layers with one activation, then an
 * output layer with its own. Layers are named {@code name/layer0}, {@code name/layer1}, ...; its
 * KL is the sum of theirs. HDBN's mood-preference network is one: 16 -> 64 -> 64 -> 9, ReLU.
 *
 * <p>A pass reports the KL to the {@linkplain ForwardMode#losses() pass's loss sink} as the
 * batch-level term {@code node/weight_kl} (kind KL; named apart from a latent node's own {@code node/kl}) with the block's KL weight, as a TFP
 * {@code DenseVariational} layer calls {@code add_loss}: whichever node holds the network, its
 * prior reaches the loss. The weight KL is a global term of the ELBO, not a per-example one: against
 * a likelihood averaged over the batch its weight is {@code 1 / N} for N training examples
 * (Blundell et al. 2015, Graves 2011).
 */
public final class BayesianMlp implements Block {

    private final List<BayesianDense> layers;
    private final double klWeight;

    /** A network whose KL enters the loss at weight 1. */
    public BayesianMlp(ParameterStore store, String name, int in, int[] hidden, int out, Activation activation,
            Activation outputActivation, BayesianLayerConfig config, UniformRandomProvider rng) {
        this(store, name, in, hidden, out, activation, outputActivation, config, 1.0, rng);
    }

    /** @param klWeight  the weight of the KL term the network reports in training passes */
    public BayesianMlp(ParameterStore store, String name, int in, int[] hidden, int out, Activation activation,
            Activation outputActivation, BayesianLayerConfig config, double klWeight, UniformRandomProvider rng) {
        if (!(klWeight >= 0) || Double.isInfinite(klWeight)) {
            throw new IllegalArgumentException("BayesianMlp '" + name + "': KL weight must be finite and not negative, got "
                    + klWeight);
        }
        this.klWeight = klWeight;
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
        LossSink losses = mode.losses();
        if (losses.keepsBatchTerms()) {
            losses.addBatchLoss("weight_kl", LossKind.KL, klWeight, kl(g, losses.kl(), mode.rng()));
        }
        return x;
    }

    /**
     * {@code KL(q(W) || p(W))} summed over the layers: a scalar. A closed form ignores {@code rng};
     * a Monte Carlo estimate draws from it.
     */
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
