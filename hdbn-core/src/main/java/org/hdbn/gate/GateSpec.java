package org.hdbn.gate;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.hdbn.graph.BuildContext;

/**
 * The JSON form of how a model groups its entities: a {@code type} name (registered through
 * {@link org.hdbn.graph.SpecTypeProvider}, e.g. {@code kmeans} in hdbn-smile) and its settings.
 * Sizes may name data dimensions, resolved through the build context.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface GateSpec {

    /** The fitter this spec describes, seeded with {@code seed}. */
    GateFitter fitter(BuildContext ctx, long seed);
}
