package org.hdbn.variational.elbo;

import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.LossKind;
import org.hdbn.graph.LossTerm;
import org.hdbn.train.LossWeighting;

/**
 * The evidence lower bound as a loss to minimise: every term a pass of the model graph added,
 * each times its own weight, with the KL terms also times the schedule's multiplier at the step:
 * {@code loss = sum likelihood + beta(step) * sum KL + sum reconstruction + sum regularisation}.
 * With likelihoods averaged over the batch, per-example latent KLs and global weight KLs divided
 * by the data size N (the {@code datasetSize} of a {@code bayesian_mlp}), this is the negative
 * ELBO divided by N, estimated on a minibatch (Hoffman et al. 2013; Blundell et al. 2015).
 *
 * <p>It is the objective a {@link org.hdbn.train.Trainer} is given (as Pyro's
 * {@code SVI(model, guide, optim, loss=Trace_ELBO())}): the trainer weights every term by
 * {@link #multiplier}, the same weighting {@link #loss} applies.
 *
 * @param klSchedule  the KL multiplier per step; default constant 1
 */
public record Elbo(KlWeightSchedule klSchedule) implements LossWeighting {

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

    /** A KL term's multiplier is the schedule's at the step; every other term's is 1. */
    @Override
    public double multiplier(LossTerm term, long step) {
        return term.kind() == LossKind.KL ? klMultiplier(step) : 1.0;
    }

    /** The loss to back-propagate at the given optimizer step. */
    public Var loss(Graph g, ForwardResult result, long step) {
        return result.totalLoss(g, term -> multiplier(term, step));
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
