package org.hdbn.param;

/**
 * The precision a {@link Parameter} keeps its master values, gradient and optimizer state in. An
 * {@link org.hdbn.autodiff.AutodiffEngine} names the one it trains in, and the trainer stores the
 * parameters so before its first step.
 */
public enum ParameterStorage {
    /** Doubles: the default, and the only storage that every reader of a parameter sees directly. */
    DOUBLE,
    /**
     * Floats, as single-precision training keeps them: half the bytes for the optimizer's and the
     * reduction's passes, which wait on memory. {@link Parameter#value()} is then a double copy,
     * refreshed when read after an update.
     */
    FLOAT
}
