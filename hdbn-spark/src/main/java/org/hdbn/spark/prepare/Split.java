package org.hdbn.spark.prepare;

/**
 * How interactions are split into the train, valid and test files.
 *
 * @param method the rule
 * @param column with {@link Method#GIVEN}: the column holding {@code train}, {@code valid} or {@code test}
 * @param seed with {@link Method#RANDOM}: the seed of the row hash
 */
public record Split(Method method, String column, long seed) {

    /** The split rules. */
    public enum Method {
        /** The input says: a column of {@code train}, {@code valid}, {@code test}. */
        GIVEN,
        /**
         * Per user, the latest interaction is test and the one before it valid (ties broken by item,
         * then context, descending); users with fewer than three interactions keep them all in train.
         */
        LEAVE_LAST_OUT,
        /** Each row independently 80% train, 10% valid, 10% test, by a seeded hash of the row's values. */
        RANDOM
    }

    /** The split names, as in RecBole's benchmark file names. */
    public static final java.util.List<String> NAMES = java.util.List.of("train", "valid", "test");

    public static Split given(String column) {
        return new Split(Method.GIVEN, column, 0);
    }

    public static Split leaveLastOut() {
        return new Split(Method.LEAVE_LAST_OUT, null, 0);
    }

    public static Split random(long seed) {
        return new Split(Method.RANDOM, null, seed);
    }
}
