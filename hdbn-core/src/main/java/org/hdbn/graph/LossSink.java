package org.hdbn.graph;

import org.hdbn.autodiff.Var;
import org.hdbn.prob.KlRegistry;

/**
 * Where a block reports loss terms of its own during a pass, as a TFP layer calls {@code add_loss}:
 * a Bayesian network adds its weights' KL divergence here. In a model pass the sink is the pass's
 * {@link ForwardContext} (it arrives with the {@link org.hdbn.nn.ForwardMode} every block is given),
 * so a block's terms reach the loss whichever node holds it, with no node asking the block what it
 * is. A block called outside a model pass gets {@link #NONE}, which keeps nothing.
 */
public interface LossSink {

    /** Keeps nothing: a block called on its own, or a pass that collects no loss. */
    LossSink NONE = new LossSink() {
        @Override
        public boolean keepsBatchTerms() {
            return false;
        }

        @Override
        public void addBatchLoss(String term, LossKind kind, double weight, Var value) {
        }

        @Override
        public KlRegistry kl() {
            return KlRegistry.withDefaults();
        }
    };

    /**
     * Whether a batch-level term added now is kept: in a training pass and, when a trainer split the
     * batch, only in the one shard that adds the block's batch-level terms. A block asks first, so
     * a term nobody collects is not computed.
     */
    boolean keepsBatchTerms();

    /**
     * Adds a term that does not average over the batch's rows, such as the KL divergence of a
     * network's weights, named {@code node/term} after the node running the block, with its full
     * weight; dropped unless {@link #keepsBatchTerms()}.
     */
    void addBatchLoss(String term, LossKind kind, double weight, Var value);

    /** The KL divergences the pass uses. */
    KlRegistry kl();
}
