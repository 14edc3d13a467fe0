package org.hdbn.variational.elbo;

/**
 * The same KL multiplier at every step (type {@code constant}); 1 is the plain ELBO, other values
 * the beta-VAE objective (Higgins et al. 2017).
 *
 * @param weight  the multiplier; default 1
 */
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
