package org.hdbn.optim;

import com.fasterxml.jackson.annotation.JsonClassDescription;

/**
 * {@code {"type": "sgd", "momentum": m}}: {@link Sgd}, stochastic gradient descent with heavy-ball
 * momentum, lazy on embedding rows.
 *
 * @param momentum  in [0, 1); default 0 (plain SGD)
 */
@JsonClassDescription("optimizer: stochastic gradient descent with optional heavy-ball momentum")
public record SgdSpec(Double momentum) implements OptimizerSpec {

    public SgdSpec {
        momentum = momentum == null ? 0.0 : momentum;
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("sgd: field momentum must be in [0, 1), got " + momentum);
        }
    }

    @Override
    public Optimizer build(LearningRateSchedule schedule) {
        return new Sgd(schedule, momentum);
    }
}
