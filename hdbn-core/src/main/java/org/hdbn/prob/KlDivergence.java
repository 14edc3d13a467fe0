package org.hdbn.prob;

import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;

/** A closed-form {@code KL(p || q)} for one pair of distribution types: one value per row. */
@FunctionalInterface
public interface KlDivergence<P extends Distribution, Q extends Distribution> {

    Var kl(Graph g, P p, Q q);
}
