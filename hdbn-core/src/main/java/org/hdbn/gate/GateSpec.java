package org.hdbn.gate;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.hdbn.graph.BuildContext;

/**
 * The JSON form of how a model groups its entities: a {@code type} name (registered through
 * {@link org.hdbn.graph.SpecTypeProvider}, e.g. {@code kmeans} in hdbn-smile), the entity features
 * it is fitted on and its settings. Sizes may name data dimensions, resolved through the build
 * context. A model spec lists its gates by name in its {@code resources} section, e.g.
 * {@code "user_group": {"type": "kmeans", "features": "user_genre_histogram", "k": "groups"}}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface GateSpec {

    /**
     * The name of the entity features the gate is fitted on, as the data set defines them (e.g.
     * {@code user_genre_histogram}: each user's genre histogram over their training items).
     */
    String features();

    /** The fitter this spec describes, seeded with {@code seed}. */
    GateFitter fitter(BuildContext ctx, long seed);
}
