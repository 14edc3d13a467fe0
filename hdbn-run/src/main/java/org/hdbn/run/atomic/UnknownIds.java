package org.hdbn.run.atomic;

/**
 * What to do with a validation or evaluation row whose user, item or context is not in the
 * vocabularies (the training triples, {@code .item} and {@code .user}): the model has no id for it.
 */
public enum UnknownIds {
    /** Refuse the file, naming the first such row and counting them all (the default). */
    FAIL,
    /** Leave such rows out and report how many ({@link AtomicDataSet#dropped}). */
    DROP
}
