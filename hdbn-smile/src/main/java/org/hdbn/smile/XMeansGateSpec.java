package org.hdbn.smile;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.hdbn.gate.GateFitter;
import org.hdbn.gate.GateSpec;
import org.hdbn.graph.BuildContext;

/**
 * x-means (Pelleg and Moore 2000): k chosen by BIC, up to {@code kmax}.
 *
 * @param features  the entity features clustered, e.g. {@code user_genre_histogram}
 */
@JsonClassDescription("gate: k-means with k chosen by x-means (BIC), up to kmax")
public record XMeansGateSpec(String features, int kmax) implements GateSpec {

    @Override
    public GateFitter fitter(BuildContext ctx, long seed) {
        return SplittingKMeansGate.xmeans(kmax, seed);
    }
}
