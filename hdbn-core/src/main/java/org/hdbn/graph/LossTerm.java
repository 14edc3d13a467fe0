package org.hdbn.graph;

import org.hdbn.autodiff.Var;

/**
 * One weighted scalar term of a model's loss, named {@code node/term} so a non-finite value can be
 * traced to the node that produced it.
 *
 * @param share  the fraction of the step's term this pass holds: 1, unless a data-parallel step
 *               split the batch and the term averages over rows (see {@link BatchShard})
 */
public record LossTerm(String name, LossKind kind, double weight, Var value, double share) {

    /** A term of a pass over a whole batch. */
    public LossTerm(String name, LossKind kind, double weight, Var value) {
        this(name, kind, weight, value, 1.0);
    }
}
