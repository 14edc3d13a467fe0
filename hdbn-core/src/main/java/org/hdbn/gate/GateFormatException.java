package org.hdbn.gate;

/**
 * A saved gate could not be read: the file is truncated, not JSON, not a gate, of an unsupported
 * version, or its content is inconsistent. The message names the file and the offending field.
 */
public class GateFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public GateFormatException(String message) {
        super(message);
    }

    public GateFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
