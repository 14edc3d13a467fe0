package org.hdbn.gate;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An immutable, fitted assignment of entities (for HDBN: users) to groups, as used by the
 * heterogeneity module of HDBN (Jing et al., arXiv 2406.14090), where each group of
 * users gets its own mood-preference network.
 *
 * <p>Entities known at fit time are numbered {@code 0 .. numEntities()-1} and keep the group they
 * were given. An entity unseen at fit time is placed by its feature vector
 * ({@link #groupForFeatures}). An entity without features (a feature vector of all zeros, such as
 * the category histogram of a user with no interactions) is never dropped: it goes to
 * {@link #fallbackGroup()}.
 *
 * <p>A fitted gate is saved with its model through the spec mapper, as JSON whose {@code type}
 * names its class: every gate class is registered through
 * {@link org.hdbn.graph.SpecTypeProvider} with base {@code Gate} (core registers {@code centroid},
 * {@code fixed} and {@code single}) and is readable by Jackson (a record, or a class whose
 * {@code @JsonCreator} constructor takes what its {@code @JsonProperty} accessors write).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface Gate {

    /** Number of groups; group ids are {@code 0 .. numGroups()-1}. Some groups may be empty. */
    int numGroups();

    /** Number of entities known at fit time. */
    int numEntities();

    /**
     * The group of an entity known at fit time.
     *
     * @throws IndexOutOfBoundsException if {@code entity} is not in {@code [0, numEntities())}
     */
    int group(int entity);

    /**
     * The group for an entity described by its features (typically one unseen at fit time). A
     * vector of all zeros means "no features" and gets {@link #fallbackGroup()}.
     *
     * @throws IllegalArgumentException if the vector has the wrong length or a non-finite entry
     */
    int groupForFeatures(double[] features);

    /** The group of entities without features. Each implementation states which group it is. */
    int fallbackGroup();

    /** Number of fit-time entities in each group (a fresh array of length {@link #numGroups()}). */
    int[] groupSizes();
}
