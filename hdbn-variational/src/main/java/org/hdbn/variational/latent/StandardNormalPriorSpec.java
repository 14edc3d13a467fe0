package org.hdbn.variational.latent;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.hdbn.graph.BuildContext;
import org.hdbn.prob.Normal;

/** The standard normal prior {@code N(0, I)}, as a VAE's (HDBN's prior LED uses it). */
@JsonClassDescription("latent prior: the standard normal N(0, I)")
public record StandardNormalPriorSpec() implements LatentPriorSpec {

    @Override
    public LatentPrior build(BuildContext ctx, int size) {
        return (f, q) -> Normal.standard(f.graph(), q.shape());
    }
}
