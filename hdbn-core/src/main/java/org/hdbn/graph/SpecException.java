package org.hdbn.graph;

/** A model spec that cannot be read or wired: the message names the node, input or type at fault. */
public class SpecException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SpecException(String message) {
        super(message);
    }

    public SpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
