package org.hdbn.graph;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.prob.KlRegistry;

/**
 * Something holding random variables whose posterior is penalised by a KL divergence to a prior,
 * such as a Bayesian layer's weights. {@link org.hdbn.nn.Block#forward} has no place to report a
 * loss term, so a node that holds such a block asks it for its KL after the pass and adds the term
 * ({@link #addTo}); the KL of weights does not depend on the batch, only on the parameters (and,
 * for a Monte Carlo estimate, on fresh draws from {@code rng}).
 */
public interface KlSource {

    /**
     * {@code KL(posterior || prior)} summed over every variable this source holds: a scalar. A
     * closed form ignores {@code rng}; a Monte Carlo estimate draws from it.
     */
    Var kl(Graph g, KlRegistry registry, UniformRandomProvider rng);

    /**
     * Adds the source's KL as a batch-level {@link LossKind#KL} term named {@code node/term} with the
     * given weight, in training passes only (other passes collect no loss, so it is not computed)
     * and, when a trainer split the batch, only in the shard holding its first row.
     */
    static void addTo(ForwardContext f, KlSource source, String term, double weight) {
        addTo(f, source, term, weight, 0);
    }

    /**
     * As {@link #addTo(ForwardContext, KlSource, String, double)} for a source that the whole batch
     * first uses at row {@code firstRow}: a split batch adds it in the shard holding that row.
     */
    static void addTo(ForwardContext f, KlSource source, String term, double weight, int firstRow) {
        if (f.mode().training() && f.shard().holds(firstRow)) {
            f.addBatchLoss(term, LossKind.KL, weight, source.kl(f.graph(), f.kl(), f.mode().rng()));
        }
    }
}
