package org.hdbn.optim;

import java.util.Collection;
import java.util.List;
import org.hdbn.concurrent.TaskRunner;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStorage;

/**
 * Adam (Kingma and Ba 2015) with bias correction. Row-sparse parameters get the lazy variant: the
 * moments and values of a row change only on steps whose batch touched it (as TensorFlow's
 * LazyAdam), so a step costs the rows used, not the table.
 */
public final class Adam implements Optimizer {

    public static final String FIRST_MOMENT = "adam.m";
    public static final String SECOND_MOMENT = "adam.v";

    private final LearningRateSchedule schedule;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private long steps;

    public Adam(LearningRateSchedule schedule, double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1) || !(epsilon > 0)) {
            throw new IllegalArgumentException("Adam needs 0 <= beta < 1 and epsilon > 0, got beta1 "
                    + beta1 + ", beta2 " + beta2 + ", epsilon " + epsilon);
        }
        this.schedule = schedule;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    /** The usual defaults: beta1 0.9, beta2 0.999, epsilon 1e-8. */
    public Adam(LearningRateSchedule schedule) {
        this(schedule, 0.9, 0.999, 1e-8);
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
        double c1 = 1 - Math.pow(beta1, steps);
        double c2 = 1 - Math.pow(beta2, steps);
        runner.run(list.size(), i -> {
            Parameter p = list.get(i);
            if (!p.trainable()) {
                if (zero) {
                    p.zeroGrad();
                }
                return;
            }
            update(p, lr, c1, c2, zero);
            if (zero) {
                p.gradientCleared();
            }
        });
    }

    private void update(Parameter p, double lr, double c1, double c2, boolean zero) {
        if (p.storage() == ParameterStorage.FLOAT) {
            updateFloat(p, lr, c1, c2, zero);
            return;
        }
        double[] w = p.value().data();
        double[] g = p.grad();
        double[] m = p.slot(FIRST_MOMENT);
        double[] v = p.slot(SECOND_MOMENT);
        // the bias corrections as factors: one division per entry instead of three
        double step = lr / c1;
        double scale = 1 / c2;
        p.forEachTouchedRange((from, to) -> update(w, g, m, v, from, to, step, scale, zero));
    }

    /**
     * The update of a float-stored parameter, in float arithmetic as single-precision training does
     * it (the step and the bias corrections are computed in double and rounded once).
     */
    private void updateFloat(Parameter p, double lr, double c1, double c2, boolean zero) {
        float[] w = p.floatValue();
        float[] g = p.floatGrad();
        float[] m = p.floatSlot(FIRST_MOMENT);
        float[] v = p.floatSlot(SECOND_MOMENT);
        float step = (float) (lr / c1);
        float scale = (float) (1 / c2);
        p.forEachTouchedRange((from, to) -> update(w, g, m, v, from, to, step, scale, zero));
        p.floatValueChanged();
    }

    private void update(float[] w, float[] g, float[] m, float[] v, int from, int to, float step, float scale,
            boolean zero) {
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float rest1 = (float) (1 - beta1);
        float rest2 = (float) (1 - beta2);
        float eps = (float) epsilon;
        for (int k = from; k < to; k++) {
            float gk = g[k];
            float mk = b1 * m[k] + rest1 * gk;
            float vk = b2 * v[k] + rest2 * gk * gk;
            m[k] = mk;
            v[k] = vk;
            w[k] -= step * mk / ((float) Math.sqrt(vk * scale) + eps);
            if (zero) {
                g[k] = 0;
            }
        }
    }

    /**
     * The update of entries {@code from} to {@code to}, clearing their gradient in the same loop
     * when {@code zero} (the gradient is read once per step instead of twice).
     */
    private void update(double[] w, double[] g, double[] m, double[] v, int from, int to, double step, double scale,
            boolean zero) {
        for (int k = from; k < to; k++) {
            double gk = g[k];
            double mk = beta1 * m[k] + (1 - beta1) * gk;
            double vk = beta2 * v[k] + (1 - beta2) * gk * gk;
            m[k] = mk;
            v[k] = vk;
            w[k] -= step * mk / (Math.sqrt(vk * scale) + epsilon);
            if (zero) {
                g[k] = 0;
            }
        }
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
