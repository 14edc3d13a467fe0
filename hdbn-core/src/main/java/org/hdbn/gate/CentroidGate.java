package org.hdbn.gate;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A gate given by one centroid per group: an entity belongs to the group of its nearest centroid
 * (squared Euclidean distance, ties to the lowest group id). This is the gate every clustering
 * fitter (k-means, x-means, g-means, silhouette selection) produces, so they share one saved form.
 *
 * <p>Fallback group: the largest group at fit time (ties to the lowest id). Entities without
 * features (all-zero rows) and unseen feature vectors of all zeros go there; it is where the
 * typical entity lands, so an entity we know nothing about gets the most common group.
 *
 * <p>{@link #provenance()} records how the gate was made (method, k, seed, ...), as plain strings.
 * Saved as {@code {"type": "centroid", "provenance": {..}, "centroids": [[..], ..], "assignments": [..]}}
 * through the spec mapper; numbers are written in their shortest exact form, so a reloaded gate
 * equals the saved one.
 */
@JsonClassDescription("fitted gate: one centroid per group, each entity in the group of its nearest centroid")
@JsonPropertyOrder({"provenance", "centroids", "assignments"})
public final class CentroidGate implements Gate {

    private final double[][] centroids;
    private final int[] assignments;
    private final int[] sizes;
    private final int fallback;
    private final Map<String, String> provenance;

    /**
     * A gate with the given centroids and fit-time assignments (both copied).
     *
     * @param centroids {@code k >= 1} rows of equal length, finite
     * @param assignments the group of each fit-time entity, each in {@code [0, k)}
     * @param provenance how the gate was made; copied
     * @throws IllegalArgumentException naming the first offending row, entity or value
     */
    @JsonCreator
    public CentroidGate(@JsonProperty(value = "centroids", required = true) double[][] centroids,
            @JsonProperty(value = "assignments", required = true) int[] assignments,
            @JsonProperty(value = "provenance", required = true) Map<String, String> provenance) {
        Objects.requireNonNull(centroids, "centroids");
        Objects.requireNonNull(assignments, "assignments");
        Objects.requireNonNull(provenance, "provenance");
        NearestCentroid.checkMatrix(centroids, "centroids", false);
        for (int e = 0; e < assignments.length; e++) {
            if (assignments[e] < 0 || assignments[e] >= centroids.length) {
                throw new IllegalArgumentException("assignments[" + e + "] = " + assignments[e]
                        + " is outside [0, " + centroids.length + ")");
            }
        }
        this.centroids = NearestCentroid.copy(centroids);
        this.assignments = assignments.clone();
        this.sizes = NearestCentroid.sizes(assignments, centroids.length);
        this.fallback = NearestCentroid.largest(sizes);
        this.provenance = Collections.unmodifiableMap(new TreeMap<>(provenance));
    }

    /**
     * The gate a clustering fitter returns: every entity with features goes to its nearest
     * centroid, then every entity without features goes to the largest of those groups.
     *
     * <p>Assigning by nearest centroid, rather than taking the clustering's own labels, keeps
     * {@code group(e) == groupForFeatures(features[e])} for every fitted entity (Lloyd-style
     * implementations may return labels one step older than their final centroids).
     */
    public static CentroidGate fromCentroids(FeatureRows rows, double[][] centroids,
            Map<String, String> provenance) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(centroids, "centroids");
        if (centroids.length > 0 && centroids[0] != null && centroids[0].length != rows.dimension()) {
            throw new IllegalArgumentException("centroids have dimension " + centroids[0].length
                    + ", features have " + rows.dimension());
        }
        int[] featuredGroups = new int[rows.numFeatured()];
        for (int j = 0; j < featuredGroups.length; j++) {
            featuredGroups[j] = NearestCentroid.nearest(centroids, rows.points()[j]);
        }
        int fallback = NearestCentroid.largest(NearestCentroid.sizes(featuredGroups, centroids.length));
        int[] assignments = new int[rows.numEntities()];
        Arrays.fill(assignments, fallback);
        for (int j = 0; j < featuredGroups.length; j++) {
            assignments[rows.featured()[j]] = featuredGroups[j];
        }
        return new CentroidGate(centroids, assignments, provenance);
    }

    @Override
    public int numGroups() {
        return centroids.length;
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

    @Override
    public int groupForFeatures(double[] features) {
        NearestCentroid.checkVector(features, dimension());
        if (NearestCentroid.isZero(features)) {
            return fallback;
        }
        return NearestCentroid.nearest(centroids, features);
    }

    /** The largest group at fit time (ties to the lowest id). */
    @Override
    public int fallbackGroup() {
        return fallback;
    }

    @Override
    public int[] groupSizes() {
        return sizes.clone();
    }

    /** Length of the feature vectors (and centroids). */
    public int dimension() {
        return centroids[0].length;
    }

    /** A copy of the centroids, one row per group. */
    @JsonProperty("centroids")
    public double[][] centroids() {
        return NearestCentroid.copy(centroids);
    }

    /** A copy of the fit-time assignments, one per entity. */
    @JsonProperty("assignments")
    public int[] assignments() {
        return assignments.clone();
    }

    /** How the gate was made, sorted by key, unmodifiable. */
    @JsonProperty("provenance")
    public Map<String, String> provenance() {
        return provenance;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CentroidGate other && Arrays.deepEquals(centroids, other.centroids)
                && Arrays.equals(assignments, other.assignments) && provenance.equals(other.provenance);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.deepHashCode(centroids) + Arrays.hashCode(assignments))
                + provenance.hashCode();
    }

    @Override
    public String toString() {
        return "CentroidGate[groups=" + numGroups() + ", entities=" + numEntities() + ", dimension="
                + dimension() + ", provenance=" + provenance + "]";
    }
}
