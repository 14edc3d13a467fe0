package org.hdbn.variational.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.graph.BlockSpec;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.KlSource;
import org.hdbn.graph.SpecException;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Block;
import org.hdbn.prob.KlEstimate;
import org.hdbn.variational.bayes.BayesianLayerConfig;
import org.hdbn.variational.bayes.BayesianMlp;
import org.hdbn.variational.bayes.EstimatorKind;
import org.hdbn.variational.bayes.Estimators;
import org.hdbn.variational.bayes.GaussianPrior;
import org.hdbn.variational.bayes.WeightPrior;

/**
 * A {@link BayesianMlp} (type {@code bayesian_mlp}); with no hidden sizes it is a single
 * {@link org.hdbn.variational.bayes.BayesianDense}. The block reports its KL through
 * {@link org.hdbn.variational.KlSource}: hold it in a node that collects it, such as
 * {@code bayesian_block}.
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
 * @param deterministic     use the means and report no KL (ablation); default false
 */
@JsonClassDescription("block: a Bayesian MLP, mean-field Gaussian weights with a weight prior and an estimator (Blundell et al. 2015)")
public record BayesianMlpBlockSpec(List<Integer> hidden, Activation activation, Activation outputActivation,
        WeightPrior prior, String estimator, Double posteriorRhoInit, KlEstimate klEstimate, Integer klSamples,
        Boolean deterministic) implements BlockSpec {

    public BayesianMlpBlockSpec {
        hidden = hidden == null ? List.of() : List.copyOf(hidden);
        activation = activation == null ? Activation.RELU : activation;
        outputActivation = outputActivation == null ? Activation.IDENTITY : outputActivation;
        prior = prior == null ? GaussianPrior.of(1.0) : prior;
        estimator = estimator == null ? EstimatorKind.LOCAL_REPARAMETERIZATION.specName() : Estimators.canonical(estimator);
        Estimators.named(estimator); // an unknown name is refused now, with the known ones
        posteriorRhoInit = posteriorRhoInit == null ? BayesianLayerConfig.DEFAULT_RHO_INIT : posteriorRhoInit;
        klEstimate = klEstimate == null ? KlEstimate.EXACT_OR_MONTE_CARLO : klEstimate;
        klSamples = klSamples == null ? 1 : klSamples;
        deterministic = deterministic != null && deterministic;
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
        return new BayesianMlpBlockSpec(hidden, null, null, null, null, null, null, null, null);
    }

    public BayesianMlpBlockSpec withPrior(WeightPrior p) {
        return new BayesianMlpBlockSpec(hidden, activation, outputActivation, p, estimator, posteriorRhoInit, klEstimate,
                klSamples, deterministic);
    }

    public BayesianMlpBlockSpec withEstimator(EstimatorKind e) {
        return new BayesianMlpBlockSpec(hidden, activation, outputActivation, prior, e.specName(), posteriorRhoInit,
                klEstimate, klSamples, deterministic);
    }

    /** The same network using its means and reporting no KL (the "deterministic NN" ablation), or back. */
    public BayesianMlpBlockSpec withDeterministic(boolean d) {
        return new BayesianMlpBlockSpec(hidden, activation, outputActivation, prior, estimator, posteriorRhoInit,
                klEstimate, klSamples, d);
    }

    /** The layer configuration this spec describes. */
    public BayesianLayerConfig config() {
        return new BayesianLayerConfig(prior, Estimators.named(estimator), posteriorRhoInit, klEstimate, klSamples,
                deterministic);
    }

    @Override
    public Block build(BuildContext ctx, String name, int inputDim, int outputDim) {
        int[] h = hidden.stream().mapToInt(Integer::intValue).toArray();
        return new BayesianMlp(ctx.store(), name, inputDim, h, outputDim, activation, outputActivation, config(),
                ctx.initRng(name));
    }
}
