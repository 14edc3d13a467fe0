package org.hdbn.variational.bayes;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Block;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.Distribution;
import org.hdbn.prob.KlRegistry;
import org.hdbn.prob.Normal;

/**
 * A dense layer with a mean-field Gaussian posterior over its weights and biases (Blundell et al.
 * 2015, "Weight Uncertainty in Neural Networks"): every entry has a mean {@code mu} and a
 * {@code rho}, with {@code sigma = softplus(rho)} so the scale stays positive without constraints.
 * A pass that samples ({@link ForwardMode#sample()}) draws through the configured
 * {@link Estimator}; any other pass, and every pass of a {@linkplain BayesianLayerConfig#deterministic()
 * deterministic} layer, uses the means. Its {@link #kl} is {@code KL(q(W, b) || prior)}; the
 * {@link BayesianMlp} holding the layer reports it to the loss (a layer on its own reports none).
 *
 * <p>Parameters: {@code name/weight_mu} (Glorot uniform), {@code name/weight_rho},
 * {@code name/bias_mu} (zeros), {@code name/bias_rho} (both rho at the configured initial value).
 */
public final class BayesianDense implements Block {

    private final Parameter weightMu;
    private final Parameter weightRho;
    private final Parameter biasMu;
    private final Parameter biasRho;
    private final Activation activation;
    private final BayesianLayerConfig config;

    public BayesianDense(ParameterStore store, String name, int in, int out, Activation activation,
            BayesianLayerConfig config, UniformRandomProvider rng) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("BayesianDense '" + name + "' needs positive sizes, got " + in + " -> " + out);
        }
        Initializer rho = Initializer.constant(config.posteriorRhoInit());
        this.weightMu = store.getOrCreate(name + "/weight_mu", new int[] {in, out}, Initializer.glorotUniform(), rng);
        this.weightRho = store.getOrCreate(name + "/weight_rho", new int[] {in, out}, rho, rng);
        this.biasMu = store.getOrCreate(name + "/bias_mu", new int[] {out}, Initializer.zeros(), rng);
        this.biasRho = store.getOrCreate(name + "/bias_rho", new int[] {out}, rho, rng);
        this.activation = activation;
        this.config = config;
    }

    @Override
    public boolean outputsDistribution() {
        return activation == Activation.SOFTMAX;
    }

    @Override
    public Var forward(Graph g, Var input, ForwardMode mode) {
        Var pre;
        if (config.deterministic() || !mode.sample()) {
            pre = g.linear(input, g.param(weightMu), g.param(biasMu));
        } else {
            pre = config.estimator().linear(g, input, posterior(g), mode.requireRng());
        }
        return activation.apply(g, pre);
    }

    /** The posterior bound in this pass. */
    public GaussianWeights posterior(Graph g) {
        return new GaussianWeights(g.param(weightMu), g.softplus(g.param(weightRho)),
                g.param(biasMu), g.softplus(g.param(biasRho)));
    }

    /**
     * {@code KL(q(W) || p(W)) + KL(q(b) || p(b))}; zero for a deterministic layer, which has no
     * posterior to penalise.
     */
    public Var kl(Graph g, KlRegistry registry, UniformRandomProvider rng) {
        if (config.deterministic()) {
            return g.scalar(0);
        }
        GaussianWeights q = posterior(g);
        Var weights = klOf(g, registry, new Normal(q.weightMean(), q.weightScale()), rng);
        Var biases = klOf(g, registry, new Normal(q.biasMean(), q.biasScale()), rng);
        return g.add(weights, biases);
    }

    private Var klOf(Graph g, KlRegistry registry, Normal q, UniformRandomProvider rng) {
        Distribution p = config.prior().distribution(g, q.shape());
        return g.sum(registry.kl(g, q, p, config.klEstimate(), rng, config.klSamples()));
    }

    @Override
    public int inputDim() {
        return weightMu.shape()[0];
    }

    @Override
    public int outputDim() {
        return weightMu.shape()[1];
    }

    public BayesianLayerConfig config() {
        return config;
    }

    public Parameter weightMu() {
        return weightMu;
    }

    public Parameter weightRho() {
        return weightRho;
    }

    public Parameter biasMu() {
        return biasMu;
    }

    public Parameter biasRho() {
        return biasRho;
    }
}
