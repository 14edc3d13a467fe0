package org.hdbn.graph;

import org.hdbn.autodiff.Var;
import org.hdbn.prob.Distribution;

/**
 * What a node gives the nodes after it: a value and, for a stochastic node, the distribution the
 * value was drawn from (which a conditional prior or a KL term reads).
 */
public record NodeOutput(Var value, Distribution distribution) {

    public static NodeOutput of(Var value) {
        return new NodeOutput(value, null);
    }
}
