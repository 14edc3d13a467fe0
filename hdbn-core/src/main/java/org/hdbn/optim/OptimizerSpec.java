package org.hdbn.optim;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Which optimizer a training spec uses, as data ({@code "optimizer": {"type": "adam", ...}}); the
 * types are registered through {@link org.hdbn.graph.SpecTypeProvider}, so an extension adds one
 * with a record and a registration. The learning rate and its decay are not part of it: the
 * training section's schedule drives whichever optimizer is chosen.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface OptimizerSpec {

    /** The optimizer, stepping at the rates of {@code schedule}. */
    Optimizer build(LearningRateSchedule schedule);

    /** What a training spec without an {@code optimizer} uses: Adam with its usual settings. */
    static OptimizerSpec defaults() {
        return new AdamSpec(null, null, null);
    }
}
