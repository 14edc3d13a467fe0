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
}
