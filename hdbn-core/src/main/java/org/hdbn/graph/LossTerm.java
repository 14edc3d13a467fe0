package org.hdbn.graph;

import org.hdbn.autodiff.Var;

/**
 * One weighted scalar term of a model's loss, named {@code node/term} so a non-finite value can be
 * traced to the node that produced it.
 */
public record LossTerm(String name, LossKind kind, double weight, Var value) {
}
