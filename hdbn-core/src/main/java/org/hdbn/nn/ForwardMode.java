package org.hdbn.nn;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * How a pass runs: whether it trains, whether stochastic blocks sample or use their means, and
 * the seeded stream their draws come from. Deterministic blocks ignore it.
 *
 * @param training  a training pass (loss terms are collected)
 * @param sample    stochastic blocks draw a sample; otherwise they use their means
 * @param rng       the stream every draw in this pass comes from
 */
public record ForwardMode(boolean training, boolean sample, UniformRandomProvider rng) {

    public static ForwardMode train(UniformRandomProvider rng) {
        return new ForwardMode(true, true, rng);
    }

    /** Inference with samples (Monte Carlo prediction). */
    public static ForwardMode sampling(UniformRandomProvider rng) {
        return new ForwardMode(false, true, rng);
    }

    /** Inference with means: fully deterministic. */
    public static ForwardMode means() {
        return new ForwardMode(false, false, null);
    }

    /** The stream for draws; refuses a mode that has none. */
    public UniformRandomProvider requireRng() {
        if (rng == null) {
            throw new IllegalStateException("this pass samples but was given no random stream");
        }
        return rng;
    }
}
