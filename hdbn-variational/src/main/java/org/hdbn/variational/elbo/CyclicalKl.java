package org.hdbn.variational.elbo;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.hdbn.graph.SpecException;

/**
 * The cyclical annealing of Fu et al. 2019 ("Cyclical Annealing Schedule: A Simple Approach to
 * Mitigating KL Vanishing", type {@code cyclical}): the steps are cut into cycles of
 * {@code period}; within each the multiplier rises linearly from 0 to {@code weight} over the first
 * {@code rampFraction} of the cycle and stays there for the rest.
 *
 * @param weight        the multiplier at the top of a cycle; default 1
 * @param period        steps per cycle
 * @param rampFraction  the part of a cycle spent rising, in (0, 1]; default 0.5
 */
@JsonClassDescription("KL schedule: cyclical annealing, ramps from 0 to weight in each period (Fu et al. 2019)")
public record CyclicalKl(Double weight, long period, Double rampFraction) implements KlWeightSchedule {

    public CyclicalKl {
        weight = weight == null ? 1.0 : weight;
        rampFraction = rampFraction == null ? 0.5 : rampFraction;
        ScheduleChecks.requireWeight("cyclical", weight);
        ScheduleChecks.requirePositive("cyclical", "period", period);
        if (!(rampFraction > 0 && rampFraction <= 1)) {
            throw new SpecException("cyclical KL schedule: field rampFraction must be in (0, 1], got " + rampFraction);
        }
    }

    public static CyclicalKl of(double weight, long period, double rampFraction) {
        return new CyclicalKl(weight, period, rampFraction);
    }

    @Override
    public double weight(long step) {
        double phase = (double) Math.floorMod(step, period) / period;
        return weight * Math.min(1.0, phase / rampFraction);
    }
}
