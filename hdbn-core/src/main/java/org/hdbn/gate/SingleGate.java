package org.hdbn.gate;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * The gate that puts every entity in group 0: the "one global network instead of group-specific
 * ones" ablation of HDBN (Jing et al., arXiv 2406.14090). Its fallback group is 0 as well, and it
 * accepts feature vectors of any length (they are only checked to be finite). Saved as
 * {@code {"type": "single", "numEntities": n}} through the spec mapper.
 */
@JsonClassDescription("fitted gate: every entity in group 0")
public final class SingleGate implements Gate {

    private final int numEntities;

    /**
     * @param numEntities number of entities known at fit time, at least 0
     */
    @JsonCreator
    public SingleGate(@JsonProperty(value = "numEntities", required = true) int numEntities) {
        if (numEntities < 0) {
            throw new IllegalArgumentException("numEntities = " + numEntities + " is negative");
        }
        this.numEntities = numEntities;
    }

    /** A fitter that ignores the features except for their number of rows. */
    public static GateFitter fitter() {
        return features -> new SingleGate(FeatureRows.of(features).numEntities());
    }

    @Override
    public int numGroups() {
        return 1;
    }

    @Override
    @JsonProperty("numEntities")
    public int numEntities() {
        return numEntities;
    }

    @Override
    public int group(int entity) {
        Objects.checkIndex(entity, numEntities);
        return 0;
    }

    @Override
    public int groupForFeatures(double[] features) {
        Objects.requireNonNull(features, "features");
        NearestCentroid.checkVector(features, features.length);
        return 0;
    }

    @Override
    public int fallbackGroup() {
        return 0;
    }

    @Override
    public int[] groupSizes() {
        return new int[] {numEntities};
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SingleGate other && numEntities == other.numEntities;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(numEntities);
    }

    @Override
    public String toString() {
        return "SingleGate[entities=" + numEntities + "]";
    }
}
