package org.hdbn.nn;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.graph.LossSink;

/**
 * How a pass runs: whether it trains, whether stochastic blocks sample or use their means, the
 * seeded stream their draws come from, and where blocks report loss terms of their own (a Bayesian
 * network's weight KL). Deterministic blocks ignore it.
 *
 * @param training  a training pass (loss terms are collected)
 * @param sample    stochastic blocks draw a sample; otherwise they use their means
 * @param rng       the stream every draw in this pass comes from
 * @param losses    the pass's loss sink: the model pass's {@link org.hdbn.graph.ForwardContext}, or
 *                  {@link LossSink#NONE} for a block called on its own
 */
public record ForwardMode(boolean training, boolean sample, UniformRandomProvider rng, LossSink losses) {

    public ForwardMode {
        losses = losses == null ? LossSink.NONE : losses;
    }

    /** A mode whose blocks' own loss terms are kept nowhere. */
    public ForwardMode(boolean training, boolean sample, UniformRandomProvider rng) {
        this(training, sample, rng, LossSink.NONE);
    }

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

    /** The same mode with blocks reporting their loss terms to {@code sink}. */
    public ForwardMode reportingTo(LossSink sink) {
        return new ForwardMode(training, sample, rng, sink);
    }

    /** The stream for draws; refuses a mode that has none. */
    public UniformRandomProvider requireRng() {
        if (rng == null) {
            throw new IllegalStateException("this pass samples but was given no random stream");
        }
        return rng;
    }
}
