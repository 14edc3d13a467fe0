package org.hdbn.smile;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.hdbn.gate.GateFitter;
import org.hdbn.gate.GateSpec;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Dim;

/**
 * k-means groups (best of {@code restarts} seeded runs); k may name a data dimension such as
 * {@code groups} (the number of groups the paper used on that data set).
 *
 * @param features  the entity features clustered, e.g. {@code user_genre_histogram}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonClassDescription("gate: k-means on the named entity features (e.g. user_genre_histogram), k groups (a number or a dimension name)")
public record KMeansGateSpec(String features, Dim k, Integer restarts) implements GateSpec {

    @Override
    public GateFitter fitter(BuildContext ctx, long seed) {
        int groups = k.resolve(ctx);
        return restarts == null ? new KMeansGate(groups, seed) : new KMeansGate(groups, seed, restarts, 100, 1e-4);
    }
}
