package org.hdbn.train;

/** Training produced a non-finite loss term or gradient: the message names the step and the term. */
public final class NonFiniteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long step;

    public NonFiniteException(long step, String message) {
        super("step " + step + ": " + message);
        this.step = step;
    }

    /** The optimizer step (0-based) that failed; parameters hold the values after step - 1. */
    public long step() {
        return step;
    }
}
