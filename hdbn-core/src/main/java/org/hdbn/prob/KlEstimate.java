package org.hdbn.prob;

/** How a KL divergence is computed. */
public enum KlEstimate {
    /** The registered closed form; an error when the pair has none. */
    EXACT,
    /** A Monte Carlo estimate from reparameterised samples of p, even when a closed form exists. */
    MONTE_CARLO,
    /** The closed form where registered, Monte Carlo otherwise. */
    EXACT_OR_MONTE_CARLO
}
