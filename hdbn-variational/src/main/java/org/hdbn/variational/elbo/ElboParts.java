package org.hdbn.variational.elbo;

/**
 * The terms of one pass summed per kind, each term times its own weight (the KL sum before the
 * schedule's multiplier), for logging and for checking that a model learns.
 */
public record ElboParts(double likelihood, double kl, double reconstruction, double regularization,
        double klMultiplier) {

    /** The value {@link Elbo#loss} back-propagates. */
    public double loss() {
        return likelihood + klMultiplier * kl + reconstruction + regularization;
    }

    /** The loss with the KL at full weight: the negative ELBO (plus any regularisation). */
    public double negativeElbo() {
        return likelihood + kl + reconstruction + regularization;
    }
}
