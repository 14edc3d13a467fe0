package org.hdbn.variational.bayes;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;

/**
 * How a Bayesian dense layer turns its weight posterior into a stochastic pre-activation
 * {@code x W + b} with reparameterised noise. Every estimator gives each row the same marginal
 * distribution, so the expected loss and its gradient agree; they differ in how correlated the
 * rows' noise is, hence in the variance of the gradient.
 */
@FunctionalInterface
public interface Estimator {

    /** {@code [rows, out]} pre-activations for the batch {@code x} ({@code [rows, in]}). */
    Var linear(Graph g, Var x, GaussianWeights w, UniformRandomProvider rng);
}
