package org.hdbn.variational.bayes;

import java.util.Objects;
import org.hdbn.prob.KlEstimate;

/**
 * How a Bayesian layer is set up: the weight prior, the estimator, the initial posterior
 * {@code rho} (so {@code sigma = softplus(rho)} starts small and the layer starts close to a
 * deterministic one), how the KL is computed, and the ablation switch that makes the layer use
 * its posterior means and report no KL.
 *
 * @param prior             the prior over every weight and bias
 * @param estimator         how a stochastic pass samples
 * @param posteriorRhoInit  initial value of every {@code rho}
 * @param klEstimate        exact (where the registry has the pair), Monte Carlo, or either
 * @param klSamples         draws for a Monte Carlo KL
 * @param deterministic     use the means in every pass and contribute no KL (an ablation)
 */
public record BayesianLayerConfig(WeightPrior prior, Estimator estimator, double posteriorRhoInit,
        KlEstimate klEstimate, int klSamples, boolean deterministic) {

    public static final double DEFAULT_RHO_INIT = -5.0;

    public BayesianLayerConfig {
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(klEstimate, "klEstimate");
        if (!Double.isFinite(posteriorRhoInit)) {
            throw new IllegalArgumentException("posteriorRhoInit must be finite, got " + posteriorRhoInit);
        }
        if (klSamples <= 0) {
            throw new IllegalArgumentException("klSamples must be positive, got " + klSamples);
        }
    }

    /**
     * A standard normal prior, local reparameterisation, {@code rho = -5} (sigma about 0.0067), the
     * closed-form KL where available, one Monte Carlo draw otherwise.
     */
    public static BayesianLayerConfig defaults() {
        return new BayesianLayerConfig(GaussianPrior.of(1.0), new LocalReparameterization(), DEFAULT_RHO_INIT,
                KlEstimate.EXACT_OR_MONTE_CARLO, 1, false);
    }

    public BayesianLayerConfig withPrior(WeightPrior p) {
        return new BayesianLayerConfig(p, estimator, posteriorRhoInit, klEstimate, klSamples, deterministic);
    }

    public BayesianLayerConfig withEstimator(Estimator e) {
        return new BayesianLayerConfig(prior, e, posteriorRhoInit, klEstimate, klSamples, deterministic);
    }

    public BayesianLayerConfig withPosteriorRhoInit(double rho) {
        return new BayesianLayerConfig(prior, estimator, rho, klEstimate, klSamples, deterministic);
    }

    public BayesianLayerConfig withKl(KlEstimate estimate, int samples) {
        return new BayesianLayerConfig(prior, estimator, posteriorRhoInit, estimate, samples, deterministic);
    }

    public BayesianLayerConfig withDeterministic(boolean d) {
        return new BayesianLayerConfig(prior, estimator, posteriorRhoInit, klEstimate, klSamples, d);
    }
}
