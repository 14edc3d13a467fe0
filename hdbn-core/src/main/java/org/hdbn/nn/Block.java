package org.hdbn.nn;

import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;

/**
 * A differentiable function of one batch (rows = examples) with parameters held in a
 * {@link org.hdbn.param.ParameterStore}. Blocks are written only against {@link Graph}, so they
 * run unchanged on every engine.
 */
public interface Block {

    /** The block applied to a batch {@code [rows, inputDim]}, giving {@code [rows, outputDim]}. */
    Var forward(Graph g, Var input, ForwardMode mode);

    int inputDim();

    int outputDim();

    /**
     * Whether every output row is a probability distribution over the output columns (a softmax
     * output layer). Diagnostics and tools find a model's categorical predictions, such as HDBN's
     * mood preference, by this role instead of by a node's name.
     */
    default boolean outputsDistribution() {
        return false;
    }
}
