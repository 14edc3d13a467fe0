package org.hdbn.optim;

import java.util.Collection;
import java.util.List;
import org.hdbn.concurrent.TaskRunner;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStorage;

/** Stochastic gradient descent with optional (heavy-ball) momentum; lazy on row-sparse parameters. */
public final class Sgd implements Optimizer {

    public static final String VELOCITY = "sgd.velocity";

    private final LearningRateSchedule schedule;
    private final double momentum;
    private long steps;

    public Sgd(LearningRateSchedule schedule, double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        this.schedule = schedule;
        this.momentum = momentum;
    }

    public Sgd(LearningRateSchedule schedule) {
        this(schedule, 0);
    }

    @Override
    public void step(Collection<Parameter> parameters) {
        step(parameters, TaskRunner.sequential());
    }

    @Override
    public void step(Collection<Parameter> parameters, TaskRunner runner) {
        step(List.copyOf(parameters), runner, false);
    }

    @Override
    public void stepAndZero(List<Parameter> parameters, TaskRunner runner) {
        step(parameters, runner, true);
    }

    private void step(List<Parameter> list, TaskRunner runner, boolean zero) {
        double lr = schedule.rate(steps);
        steps++;
        runner.run(list.size(), i -> {
            update(list.get(i), lr);
            if (zero) {
                list.get(i).zeroGrad();
            }
        });
    }

    private void update(Parameter p, double lr) {
        if (!p.trainable()) {
            return;
        }
        if (p.storage() == ParameterStorage.FLOAT) {
            updateFloat(p, (float) lr);
            return;
        }
        double[] w = p.value().data();
        double[] g = p.grad();
        double[] vel = momentum > 0 ? p.slot(VELOCITY) : null;
        p.forEachTouchedRange((from, to) -> {
            for (int k = from; k < to; k++) {
                double d = g[k];
                if (vel != null) {
                    vel[k] = momentum * vel[k] + d;
                    d = vel[k];
                }
                w[k] -= lr * d;
            }
        });
    }

    /** The update of a float-stored parameter, in float arithmetic. */
    private void updateFloat(Parameter p, float lr) {
        float[] w = p.floatValue();
        float[] g = p.floatGrad();
        float[] vel = momentum > 0 ? p.floatSlot(VELOCITY) : null;
        float mu = (float) momentum;
        p.forEachTouchedRange((from, to) -> {
            for (int k = from; k < to; k++) {
                // the step: the gradient, or with momentum the updated velocity
                float d = vel == null ? g[k] : (vel[k] = mu * vel[k] + g[k]);
                w[k] -= lr * d;
            }
        });
        p.floatValueChanged();
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public void restoreSteps(long restored) {
        this.steps = restored;
    }

    @Override
    public double currentLearningRate() {
        return schedule.rate(steps);
    }
}
