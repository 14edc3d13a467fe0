package org.hdbn.gate;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.hdbn.graph.BuildContext;

/**
 * A given assignment, such as the paper's published user groups; centroids are computed from the
 * features so entities unseen at fit time are still placed.
 *
 * @param features    the entity features the groups' centroids are computed from
 * @param assignment  the name of an {@code int[]} resource holding one group per entity;
 *                    default {@code paper_groups}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("gate: the data set's own user groups (EmoMusicLJ's user2cluster.npy), or a named assignment")
public record FixedGateSpec(String features, String assignment) implements GateSpec {

    @Override
    public GateFitter fitter(BuildContext ctx, long seed) {
        int[] groups = ctx.resource(assignment == null ? "paper_groups" : assignment, int[].class);
        return features -> FixedGate.withCentroidsFrom(groups, features);
    }
}
