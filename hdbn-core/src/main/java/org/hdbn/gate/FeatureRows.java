package org.hdbn.gate;

import java.util.Arrays;

/**
 * A validated feature matrix (one row per entity) split into the entities that have features and
 * those that do not (rows of all zeros). Fitters cluster {@link #points()} and hand the result to
 * {@link CentroidGate#fromCentroids}, which places the entities without features in the fallback
 * group.
 *
 * <p>Arrays are shared, not copied: callers must not mutate them.
 *
 * @param numEntities number of rows in the original matrix
 * @param dimension length of every row
 * @param featured the entities (row indexes) that have features, ascending
 * @param points {@code points[j]} is the row of entity {@code featured[j]}
 */
public record FeatureRows(int numEntities, int dimension, int[] featured, double[][] points) {

    /**
     * Validates {@code features} and splits off the rows of all zeros.
     *
     * @throws IllegalArgumentException naming the row and column of the first problem: no rows,
     *     an empty or ragged row, a non-finite value
     */
    public static FeatureRows of(double[][] features) {
        int dimension = NearestCentroid.checkMatrix(features, "features", false);
        int[] featured = new int[features.length];
        int count = 0;
        for (int e = 0; e < features.length; e++) {
            if (!NearestCentroid.isZero(features[e])) {
                featured[count++] = e;
            }
        }
        featured = Arrays.copyOf(featured, count);
        double[][] points = new double[count][];
        for (int j = 0; j < count; j++) {
            points[j] = features[featured[j]];
        }
        return new FeatureRows(features.length, dimension, featured, points);
    }

    /** Number of entities that have features. */
    public int numFeatured() {
        return featured.length;
    }
}
