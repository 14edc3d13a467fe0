package org.hdbn.variational.predict;

import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.nn.ForwardMode;

/** One forward pass whose stochastic blocks draw from the mode's stream. */
@FunctionalInterface
public interface StochasticPass {

    Var run(Graph g, ForwardMode mode);
}
