package org.hdbn.io;

/**
 * A data file does not have the expected format or content. The message names the file and,
 * where it applies, the line, field, row or value, e.g.
 * {@code "UI_indexes_train.csv line 17: field song_id: expected an integer, got 'x'"}.
 */
public class DataFormatException extends RuntimeException {

    public DataFormatException(String message) {
        super(message);
    }

    public DataFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
