package org.hdbn.gate;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A gate whose assignment is given rather than fitted, such as the user groups the HDBN authors
 * released ({@code user2cluster.npy}). Optionally it carries a centroid per group, computed as
 * the mean feature vector of the group's members that have features
 * ({@link #withCentroidsFrom}), so that unseen entities can still be placed by nearest centroid.
 * A group none of whose members has features gets no centroid and is never chosen for an unseen
 * entity.
 *
 * <p>Fallback group: the largest group (ties to the lowest id). It receives all-zero feature
 * vectors and, when the gate has no centroids at all, every unseen entity.
 *
 * <p>Saved as {@code {"type": "fixed", "numGroups": k, "centroids": null or [[..], null, ..], "assignments": [..]}}
 * through the spec mapper.
 */
@JsonClassDescription("fitted gate: a given assignment (e.g. published groups), with centroids to place unseen entities")
@JsonPropertyOrder({"numGroups", "centroids", "assignments"})
public final class FixedGate implements Gate {

    private final int[] assignments;
    private final double[][] centroids;
    private final int dimension;
    private final int[] sizes;
    private final int fallback;

    /**
     * A gate with the given assignment (copied) and no centroids; the number of groups is one
     * more than the largest group id.
     *
     * @throws IllegalArgumentException if the assignment is empty or holds a negative id
     */
    public FixedGate(int[] assignments) {
        this(assignments, 1 + max(assignments), null);
    }

    /**
     * A gate with the given assignment, number of groups and centroids (all copied).
     *
     * @param assignments the group of each entity, each in {@code [0, numGroups)}
     * @param numGroups number of groups, at least 1
     * @param centroids null for none, else {@code numGroups} rows of one length, a null row for a
     *     group without a centroid
     * @throws IllegalArgumentException naming the first offending entity, group or value
     */
    @JsonCreator
    public FixedGate(@JsonProperty(value = "assignments", required = true) int[] assignments,
            @JsonProperty(value = "numGroups", required = true) int numGroups,
            @JsonProperty("centroids") double[][] centroids) {
        Objects.requireNonNull(assignments, "assignments");
        if (numGroups < 1) {
            throw new IllegalArgumentException("numGroups = " + numGroups + ", expected at least 1");
        }
        for (int e = 0; e < assignments.length; e++) {
            if (assignments[e] < 0 || assignments[e] >= numGroups) {
                throw new IllegalArgumentException("assignments[" + e + "] = " + assignments[e]
                        + " is outside [0, " + numGroups + ")");
            }
        }
        if (centroids != null && centroids.length != numGroups) {
            throw new IllegalArgumentException("centroids: " + centroids.length + " rows, expected "
                    + numGroups + " (one per group)");
        }
        this.dimension = centroids == null ? -1
                : NearestCentroid.checkMatrix(centroids, "centroids", true);
        this.assignments = assignments.clone();
        this.centroids = centroids == null || dimension < 0 ? null : NearestCentroid.copy(centroids);
        this.sizes = NearestCentroid.sizes(assignments, numGroups);
        this.fallback = NearestCentroid.largest(sizes);
    }

    /**
     * A gate with the given assignment and, for each group, the mean of the feature rows of its
     * members that have features (rows of all zeros are left out of the means).
     *
     * @param assignments the group of each entity (copied)
     * @param features one row per entity, as many rows as {@code assignments}
     */
    public static FixedGate withCentroidsFrom(int[] assignments, double[][] features) {
        Objects.requireNonNull(assignments, "assignments");
        FeatureRows rows = FeatureRows.of(features);
        if (rows.numEntities() != assignments.length) {
            throw new IllegalArgumentException("features: " + rows.numEntities()
                    + " rows, but the assignment covers " + assignments.length + " entities");
        }
        int numGroups = 1 + max(assignments);
        double[][] sums = new double[numGroups][];
        int[] counts = new int[numGroups];
        for (int j = 0; j < rows.numFeatured(); j++) {
            int g = assignments[rows.featured()[j]];
            if (sums[g] == null) {
                sums[g] = new double[rows.dimension()];
            }
            double[] x = rows.points()[j];
            for (int c = 0; c < x.length; c++) {
                sums[g][c] += x[c];
            }
            counts[g]++;
        }
        for (int g = 0; g < numGroups; g++) {
            if (sums[g] != null) {
                for (int c = 0; c < sums[g].length; c++) {
                    sums[g][c] /= counts[g];
                }
            }
        }
        return new FixedGate(assignments, numGroups, sums);
    }

    @Override
    @JsonProperty("numGroups")
    public int numGroups() {
        return sizes.length;
    }

    @Override
    public int numEntities() {
        return assignments.length;
    }

    @Override
    public int group(int entity) {
        Objects.checkIndex(entity, assignments.length);
        return assignments[entity];
    }

    /**
     * Nearest centroid among the groups that have one; the fallback group for a vector of all
     * zeros or when the gate has no centroids at all. Without centroids any length is accepted.
     */
    @Override
    public int groupForFeatures(double[] features) {
        Objects.requireNonNull(features, "features");
        NearestCentroid.checkVector(features, centroids == null ? features.length : dimension);
        if (centroids == null || NearestCentroid.isZero(features)) {
            return fallback;
        }
        return NearestCentroid.nearest(centroids, features);
    }

    /** The largest group (ties to the lowest id). */
    @Override
    public int fallbackGroup() {
        return fallback;
    }

    @Override
    public int[] groupSizes() {
        return sizes.clone();
    }

    /** True when at least one group has a centroid. */
    public boolean hasCentroids() {
        return centroids != null;
    }

    /** A copy of the centroids (null rows for groups without one), or null when there are none. */
    @JsonProperty("centroids")
    public double[][] centroids() {
        return centroids == null ? null : NearestCentroid.copy(centroids);
    }

    /** A copy of the assignment, one group per entity. */
    @JsonProperty("assignments")
    public int[] assignments() {
        return assignments.clone();
    }

    private static int max(int[] assignments) {
        Objects.requireNonNull(assignments, "assignments");
        if (assignments.length == 0) {
            throw new IllegalArgumentException("assignments: empty, cannot infer the number of groups");
        }
        int max = Integer.MIN_VALUE;
        for (int e = 0; e < assignments.length; e++) {
            if (assignments[e] < 0) {
                throw new IllegalArgumentException("assignments[" + e + "] = " + assignments[e]
                        + " is negative");
            }
            max = Math.max(max, assignments[e]);
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FixedGate other && numGroups() == other.numGroups()
                && Arrays.equals(assignments, other.assignments)
                && Arrays.deepEquals(centroids, other.centroids);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(assignments) + Arrays.deepHashCode(centroids)) + numGroups();
    }

    @Override
    public String toString() {
        return "FixedGate[groups=" + numGroups() + ", entities=" + numEntities()
                + (centroids == null ? ", no centroids" : ", dimension=" + dimension) + "]";
    }
}
