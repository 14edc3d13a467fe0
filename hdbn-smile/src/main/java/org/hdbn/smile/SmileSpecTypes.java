package org.hdbn.smile;

import java.util.List;
import org.hdbn.gate.GateSpec;
import org.hdbn.graph.SpecTypeProvider;

/** The spec types hdbn-smile contributes. */
public final class SmileSpecTypes implements SpecTypeProvider {

    @Override
    public List<SpecType> specTypes() {
        return List.of(
                new SpecType(GateSpec.class, "kmeans", KMeansGateSpec.class),
                new SpecType(GateSpec.class, "xmeans", XMeansGateSpec.class),
                new SpecType(GateSpec.class, "gmeans", GMeansGateSpec.class),
                new SpecType(GateSpec.class, "silhouette", SilhouetteGateSpec.class));
    }
}
