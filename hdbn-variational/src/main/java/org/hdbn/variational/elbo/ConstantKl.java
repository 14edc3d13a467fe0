package org.hdbn.variational.elbo;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/**
 * The same KL multiplier at every step (type {@code constant}); 1 is the plain ELBO, other values
 * the beta-VAE objective (Higgins et al. 2017).
 *
 * @param weight  the multiplier; default 1
 */
@JsonClassDescription("KL schedule: the same weight at every step")
public record ConstantKl(Double weight) implements KlWeightSchedule {

    public ConstantKl {
        weight = weight == null ? 1.0 : weight;
        ScheduleChecks.requireWeight("constant", weight);
    }

    public static ConstantKl of(double weight) {
        return new ConstantKl(weight);
    }

    @Override
    public double weight(long step) {
        return weight;
    }
}
