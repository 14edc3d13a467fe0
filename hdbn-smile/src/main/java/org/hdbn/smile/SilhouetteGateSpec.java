package org.hdbn.smile;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.hdbn.gate.GateFitter;
import org.hdbn.gate.GateSpec;
import org.hdbn.graph.BuildContext;

/**
 * k-means with k in {@code [kmin, kmax]} chosen by the mean silhouette.
 *
 * @param features  the entity features clustered, e.g. {@code user_genre_histogram}
 */
@JsonClassDescription("gate: k-means with k in [kmin, kmax] chosen by the silhouette score")
public record SilhouetteGateSpec(String features, int kmin, int kmax) implements GateSpec {

    @Override
    public GateFitter fitter(BuildContext ctx, long seed) {
        return new SilhouetteSelection(kmin, kmax, seed);
    }
}
