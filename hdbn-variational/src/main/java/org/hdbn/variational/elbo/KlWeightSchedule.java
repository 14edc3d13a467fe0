package org.hdbn.variational.elbo;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The multiplier of the KL terms as a function of the optimizer step (KL annealing), named in a
 * spec by {@code type}: {@code constant}, {@code linear_warmup} or {@code cyclical}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface KlWeightSchedule {

    /** The multiplier at a step (0 for the first step); never negative. */
    double weight(long step);
}
