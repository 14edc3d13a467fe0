package org.hdbn.smile;

import org.hdbn.gate.GateFitter;
import org.hdbn.gate.GateSpec;
import org.hdbn.graph.BuildContext;

/** g-means (Hamerly and Elkan 2003): clusters split until each looks Gaussian, up to {@code kmax}. */
public record GMeansGateSpec(int kmax) implements GateSpec {

    @Override
    public GateFitter fitter(BuildContext ctx, long seed) {
        return SplittingKMeansGate.gmeans(kmax, seed);
    }
}
