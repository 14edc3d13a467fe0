package org.example.hdbn.mixture;

import java.util.List;
import org.hdbn.graph.SpecTypeProvider;
import org.hdbn.variational.latent.LatentPriorSpec;

/**
 * Registers this extension's spec type with hdbn; listed in
 * {@code META-INF/services/org.hdbn.graph.SpecTypeProvider}.
 */
public final class MixtureSpecTypes implements SpecTypeProvider {

    @Override
    public List<SpecType> specTypes() {
        return List.of(new SpecType(LatentPriorSpec.class, "gaussian_mixture", MixturePriorSpec.class));
    }
}
