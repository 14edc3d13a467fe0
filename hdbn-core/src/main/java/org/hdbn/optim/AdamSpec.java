package org.hdbn.optim;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/**
 * {@code {"type": "adam"}}: {@link Adam} (Kingma and Ba 2015), lazy on embedding rows.
 *
 * @param beta1    decay of the first moment; default 0.9
 * @param beta2    decay of the second moment; default 0.999
 * @param epsilon  added to the root of the second moment; default 1e-8
 */
@JsonClassDescription("optimizer: Adam with bias correction, lazy on embedding rows (Kingma and Ba 2015)")
public record AdamSpec(Double beta1, Double beta2, Double epsilon) implements OptimizerSpec {

    public AdamSpec {
        beta1 = beta1 == null ? 0.9 : beta1;
        beta2 = beta2 == null ? 0.999 : beta2;
        epsilon = epsilon == null ? 1e-8 : epsilon;
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("adam: fields beta1 and beta2 must be in [0, 1), got " + beta1 + " and "
                    + beta2);
        }
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("adam: field epsilon must be positive and finite, got " + epsilon);
        }
    }

    @Override
    public Optimizer build(LearningRateSchedule schedule) {
        return new Adam(schedule, beta1, beta2, epsilon);
    }
}
