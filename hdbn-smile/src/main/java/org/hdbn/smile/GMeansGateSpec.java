package org.hdbn.smile;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.hdbn.gate.GateFitter;
import org.hdbn.gate.GateSpec;
import org.hdbn.graph.BuildContext;

/**
 * g-means (Hamerly and Elkan 2003): clusters split until each looks Gaussian, up to {@code kmax}.
 *
 * @param features  the entity features clustered, e.g. {@code user_genre_histogram}
 */
@JsonClassDescription("gate: k-means with k chosen by g-means (Gaussianity of each cluster), up to kmax")
public record GMeansGateSpec(String features, int kmax) implements GateSpec {

    @Override
    public GateFitter fitter(BuildContext ctx, long seed) {
        return SplittingKMeansGate.gmeans(kmax, seed);
    }
}
