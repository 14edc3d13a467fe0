package org.hdbn.variational.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.hdbn.graph.BlockSpec;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Dim;
import org.hdbn.graph.SpecException;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Block;
import org.hdbn.prob.KlEstimate;
import org.hdbn.variational.bayes.BayesianLayerConfig;
import org.hdbn.variational.bayes.BayesianMlp;
import org.hdbn.variational.bayes.BuiltInEstimators;
import org.hdbn.variational.bayes.Estimators;
import org.hdbn.variational.bayes.GaussianPrior;
import org.hdbn.variational.bayes.WeightPrior;

/**
 * A {@link BayesianMlp} (type {@code bayesian_mlp}); with no hidden sizes it is a single
 * {@link org.hdbn.variational.bayes.BayesianDense}. In training passes the block adds its weights'
 * KL to the loss itself, as the term {@code node/weight_kl} (kind KL) of the node holding it (a
 * {@code block}, a latent node's encoder, a {@code gated_experts} expert), with weight
 * {@code klWeight / datasetSize}: the weight KL is a global term of the ELBO, so against a
 * likelihood averaged over the batch it is divided by the number of training examples N
 * (Blundell et al. 2015, Graves 2011) and the loss is the per-example share of the negative ELBO.
 *
 * @param hidden            hidden layer sizes; default none
 * @param activation        hidden activation; default relu
 * @param outputActivation  output activation; default identity
 * @param prior             the weight prior; default {@code {"type": "gaussian", "scale": 1}}
 * @param estimator         {@code reparameterization}, {@code local_reparameterization} (default),
 *                          {@code flipout}, or a name an {@link org.hdbn.variational.bayes.EstimatorProvider}
 *                          registers
 * @param posteriorRhoInit  initial rho of every weight; default -5
 * @param klEstimate        default {@code EXACT_OR_MONTE_CARLO}
 * @param klSamples         draws for a Monte Carlo KL; default 1
 * @param deterministic     use the means, the KL is zero (ablation); default false
 * @param klWeight          the KL term's weight; default 1
 * @param datasetSize       optional: N, a number or a data dimension (e.g. {@code "train"}); the
 *                          weight is divided by it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("block: a Bayesian MLP, mean-field Gaussian weights with a weight prior and an estimator (Blundell et al. 2015); adds its weight KL / datasetSize to the loss")
public record BayesianMlpBlockSpec(List<Integer> hidden, Activation activation, Activation outputActivation,
        WeightPrior prior, String estimator, Double posteriorRhoInit, KlEstimate klEstimate, Integer klSamples,
        Boolean deterministic, Double klWeight, Dim datasetSize) implements BlockSpec {

    public BayesianMlpBlockSpec {
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
        activation = activation == null ? Activation.RELU : activation;
        outputActivation = outputActivation == null ? Activation.IDENTITY : outputActivation;
        prior = prior == null ? GaussianPrior.of(1.0) : prior;
        estimator = estimator == null ? BuiltInEstimators.LOCAL_REPARAMETERIZATION : Estimators.canonical(estimator);
        Estimators.named(estimator); // an unknown name is refused now, with the known ones
        posteriorRhoInit = posteriorRhoInit == null ? BayesianLayerConfig.DEFAULT_RHO_INIT : posteriorRhoInit;
        klEstimate = klEstimate == null ? KlEstimate.EXACT_OR_MONTE_CARLO : klEstimate;
        klSamples = klSamples == null ? 1 : klSamples;
        deterministic = deterministic != null && deterministic;
        klWeight = klWeight == null ? 1.0 : klWeight;
        if (!(klWeight >= 0) || Double.isInfinite(klWeight)) {
            throw new SpecException("bayesian_mlp: field klWeight must be finite and not negative, got " + klWeight);
        }
        for (int h : hidden) {
            if (h <= 0) {
                throw new SpecException("bayesian_mlp: field hidden must hold positive sizes, got " + hidden);
            }
        }
        if (!Double.isFinite(posteriorRhoInit)) {
            throw new SpecException("bayesian_mlp: field posteriorRhoInit must be finite, got " + posteriorRhoInit);
        }
        if (klSamples <= 0) {
            throw new SpecException("bayesian_mlp: field klSamples must be positive, got " + klSamples);
        }
    }

    /** The defaults with the given hidden sizes. */
    public static BayesianMlpBlockSpec of(List<Integer> hidden) {
        return new BayesianMlpBlockSpec(hidden, null, null, null, null, null, null, null, null, null, null);
    }

    public BayesianMlpBlockSpec withPrior(WeightPrior p) {
        return new BayesianMlpBlockSpec(hidden, activation, outputActivation, p, estimator, posteriorRhoInit, klEstimate,
                klSamples, deterministic, klWeight, datasetSize);
    }

    /** The same network with the estimator of the given name. */
    public BayesianMlpBlockSpec withEstimator(String name) {
        return new BayesianMlpBlockSpec(hidden, activation, outputActivation, prior, name, posteriorRhoInit,
                klEstimate, klSamples, deterministic, klWeight, datasetSize);
    }

    /** The same network using its means and reporting no KL (the "deterministic NN" ablation), or back. */
    public BayesianMlpBlockSpec withDeterministic(boolean d) {
        return new BayesianMlpBlockSpec(hidden, activation, outputActivation, prior, estimator, posteriorRhoInit,
                klEstimate, klSamples, d, klWeight, datasetSize);
    }

    /** The same network with its KL divided by N, a number or a data dimension. */
    public BayesianMlpBlockSpec withDatasetSize(Dim n) {
        return new BayesianMlpBlockSpec(hidden, activation, outputActivation, prior, estimator, posteriorRhoInit,
                klEstimate, klSamples, deterministic, klWeight, n);
    }

    /** The layer configuration this spec describes. */
    public BayesianLayerConfig config() {
        return new BayesianLayerConfig(prior, Estimators.named(estimator), posteriorRhoInit, klEstimate, klSamples,
                deterministic);
    }

    @Override
    public Block build(BuildContext ctx, String name, int inputDim, int outputDim) {
        int[] h = hidden.stream().mapToInt(Integer::intValue).toArray();
        double weight = datasetSize == null ? klWeight : klWeight / datasetSize.resolve(ctx);
        return new BayesianMlp(ctx.store(), name, inputDim, h, outputDim, activation, outputActivation, config(),
                weight, ctx.initRng(name));
    }
}
