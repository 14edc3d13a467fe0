package org.hdbn.eval;

/** A recommendation export that cannot be read; the message names the file, line and field. */
public final class RecommendationsFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RecommendationsFormatException(String message) {
        super(message);
    }
}
