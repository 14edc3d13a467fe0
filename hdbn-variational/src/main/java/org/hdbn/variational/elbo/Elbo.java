package org.hdbn.variational.elbo;

import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.LossKind;
import org.hdbn.graph.LossTerm;

/**
 * The evidence lower bound as a loss to minimise: every term a pass of the model graph added,
 * each times its own weight, with the KL terms also times the schedule's multiplier at the step:
 * {@code loss = sum likelihood + beta(step) * sum KL + sum reconstruction + sum regularisation}.
 * With likelihoods averaged over the batch, per-example latent KLs and global weight KLs divided
 * by the data size N (the {@code datasetSize} of a {@code bayesian_block}), this is the negative
 * ELBO divided by N, estimated on a minibatch (Hoffman et al. 2013; Blundell et al. 2015).
 *
 * @param klSchedule  the KL multiplier per step; default constant 1
 */
public record Elbo(KlWeightSchedule klSchedule) {

    public Elbo {
        klSchedule = klSchedule == null ? ConstantKl.of(1.0) : klSchedule;
    }

    /** The plain ELBO: every KL term at its own weight. */
    public static Elbo standard() {
        return new Elbo(ConstantKl.of(1.0));
    }

    /** The multiplier of the KL terms at a step. */
    public double klMultiplier(long step) {
        return klSchedule.weight(step);
    }

    /** The loss to back-propagate at the given optimizer step. */
    public Var loss(Graph g, ForwardResult result, long step) {
        double beta = klMultiplier(step);
        return result.totalLoss(g, term -> term.kind() == LossKind.KL ? beta : 1.0);
    }

    /** The weighted terms summed per kind, as numbers for logging. */
    public ElboParts parts(ForwardResult result, long step) {
        double[] byKind = new double[LossKind.values().length];
        for (LossTerm t : result.losses()) {
            byKind[t.kind().ordinal()] += t.weight() * t.value().value().item();
        }
        return new ElboParts(byKind[LossKind.LIKELIHOOD.ordinal()], byKind[LossKind.KL.ordinal()],
                byKind[LossKind.RECONSTRUCTION.ordinal()], byKind[LossKind.REGULARIZATION.ordinal()],
                klMultiplier(step));
    }
}
