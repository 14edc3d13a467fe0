package org.hdbn.optim;

import java.util.Collection;
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

    /** Steps taken so far. */
    long steps();

    /** Restores the step count (when resuming a run). */
    void restoreSteps(long steps);

    /** The learning rate the next step will use. */
    double currentLearningRate();
}
