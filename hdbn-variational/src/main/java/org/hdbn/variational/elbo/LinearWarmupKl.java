package org.hdbn.variational.elbo;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/**
 * A KL multiplier rising linearly from 0 to {@code weight} over the first {@code warmupSteps}
 * steps, then constant (type {@code linear_warmup}; Bowman et al. 2016, Sønderby et al. 2016): the
 * latent code is learned before the KL can collapse it onto the prior.
 *
 * @param weight       the final multiplier; default 1
 * @param warmupSteps  steps to reach it
 */
@JsonClassDescription("KL schedule: weight rising linearly from 0 over warmupSteps, then constant")
public record LinearWarmupKl(Double weight, long warmupSteps) implements KlWeightSchedule {

    public LinearWarmupKl {
        weight = weight == null ? 1.0 : weight;
        ScheduleChecks.requireWeight("linear_warmup", weight);
        ScheduleChecks.requirePositive("linear_warmup", "warmupSteps", warmupSteps);
    }

    public static LinearWarmupKl of(double weight, long warmupSteps) {
        return new LinearWarmupKl(weight, warmupSteps);
    }

    @Override
    public double weight(long step) {
        return weight * Math.min(1.0, (double) Math.max(0, step) / warmupSteps);
    }
}
