package org.hdbn.train;

/**
 * The names under which interaction batches carry their columns, matching the index inputs of
 * the model's spec.
 *
 * @param user       the user of each positive
 * @param context    the context of each positive (an emotion, for HDBN)
 * @param candidate  positives first, then the negatives of each positive in order
 */
public record BatchColumns(String user, String context, String candidate) {

    public static final BatchColumns DEFAULT = new BatchColumns("user", "context", "candidate");
}
