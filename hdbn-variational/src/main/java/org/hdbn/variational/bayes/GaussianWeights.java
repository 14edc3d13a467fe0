package org.hdbn.variational.bayes;

import org.hdbn.autodiff.Var;

/**
 * The mean-field Gaussian posterior of one dense layer, bound in a pass: weights
 * {@code W ~ N(weightMean, weightScale^2)} of shape {@code [in, out]} and biases
 * {@code b ~ N(biasMean, biasScale^2)} of shape {@code [out]}, every entry independent.
 */
public record GaussianWeights(Var weightMean, Var weightScale, Var biasMean, Var biasScale) {
}
