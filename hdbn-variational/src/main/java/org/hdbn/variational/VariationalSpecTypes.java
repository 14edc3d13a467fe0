package org.hdbn.variational;

import java.util.List;
import org.hdbn.graph.BlockSpec;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecTypeProvider;
import org.hdbn.variational.bayes.GaussianPrior;
import org.hdbn.variational.bayes.ScaleMixturePrior;
import org.hdbn.variational.bayes.WeightPrior;
import org.hdbn.variational.elbo.ConstantKl;
import org.hdbn.variational.elbo.CyclicalKl;
import org.hdbn.variational.elbo.KlWeightSchedule;
import org.hdbn.variational.elbo.LinearWarmupKl;
import org.hdbn.variational.latent.GaussianLatentSpec;
import org.hdbn.variational.latent.LatentPriorSpec;
import org.hdbn.variational.latent.LearnedPriorSpec;
import org.hdbn.variational.latent.NodePriorSpec;
import org.hdbn.variational.latent.StandardNormalPriorSpec;
import org.hdbn.variational.nodes.BayesianMlpBlockSpec;
import org.hdbn.variational.nodes.GaussianLikelihoodSpec;

/** The spec types hdbn-variational contributes (found through {@link java.util.ServiceLoader}). */
public final class VariationalSpecTypes implements SpecTypeProvider {

    @Override
    public List<SpecType> specTypes() {
        return List.of(
                new SpecType(NodeSpec.class, "gaussian_latent", GaussianLatentSpec.class),
                new SpecType(NodeSpec.class, "gaussian_likelihood", GaussianLikelihoodSpec.class),
                new SpecType(BlockSpec.class, "bayesian_mlp", BayesianMlpBlockSpec.class),
                new SpecType(WeightPrior.class, "gaussian", GaussianPrior.class),
                new SpecType(WeightPrior.class, "scale_mixture", ScaleMixturePrior.class),
                new SpecType(LatentPriorSpec.class, "standard_normal", StandardNormalPriorSpec.class),
                new SpecType(LatentPriorSpec.class, "learned", LearnedPriorSpec.class),
                new SpecType(LatentPriorSpec.class, "node", NodePriorSpec.class),
                new SpecType(KlWeightSchedule.class, "constant", ConstantKl.class),
                new SpecType(KlWeightSchedule.class, "linear_warmup", LinearWarmupKl.class),
                new SpecType(KlWeightSchedule.class, "cyclical", CyclicalKl.class));
    }

    @Override
    public List<Retired> retired() {
        return List.of(new Retired(NodeSpec.class, "bayesian_block", null, "a Bayesian network adds its own KL in any "
                + "node: write {\"type\": \"block\", \"inputs\": [...], \"out\": N, \"block\": {\"type\": "
                + "\"bayesian_mlp\", ..., \"klWeight\": W, \"datasetSize\": \"examples\"}} (klWeight and "
                + "datasetSize move from the node into the bayesian_mlp)"));
    }
}
