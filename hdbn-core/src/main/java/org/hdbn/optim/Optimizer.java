package org.hdbn.optim;

import java.util.Collection;
import java.util.List;
import org.hdbn.concurrent.TaskRunner;
import org.hdbn.param.Parameter;

/**
 * Updates parameters from their accumulated gradients. State that must survive a restart lives in
 * the parameters' slots and in {@link #steps()}, so saving the parameters and the step count is
 * enough to resume exactly.
 */
public interface Optimizer {

    /**
     * One update of every trainable parameter from its gradient; row-sparse parameters are updated
     * only in the rows that received gradient. Gradients are left as they are.
     */
    void step(Collection<Parameter> parameters);

    /**
     * {@link #step(Collection)} with the parameters' updates, which are independent of each other,
     * run by {@code runner} (possibly several at once); the result is the same. By default the
     * updates run one after another.
     */
    default void step(Collection<Parameter> parameters, TaskRunner runner) {
        step(parameters);
    }

    /**
     * {@link #step(Collection, TaskRunner)}, then every given parameter's gradient cleared (frozen
     * ones included). Optimizers whose updates are per-parameter tasks clear each parameter in its
     * own task, right after its update, while the gradient is still in the cache: one pass over
     * the gradients fewer per step. The result is that of a step followed by clearing.
     */
    default void stepAndZero(List<Parameter> parameters, TaskRunner runner) {
        step(parameters, runner);
        runner.run(parameters.size(), i -> parameters.get(i).zeroGrad());
    }

    /** Steps taken so far. */
    long steps();

    /** Restores the step count (when resuming a run). */
    void restoreSteps(long steps);

    /** The learning rate the next step will use. */
    double currentLearningRate();
}
