package org.hdbn.smile;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.hdbn.gate.GateFitter;
import org.hdbn.gate.GateSpec;
import org.hdbn.graph.BuildContext;

/** x-means (Pelleg and Moore 2000): k chosen by BIC, up to {@code kmax}. */
@JsonClassDescription("gate: k-means with k chosen by x-means (BIC), up to kmax")
public record XMeansGateSpec(int kmax) implements GateSpec {

    @Override
    public GateFitter fitter(BuildContext ctx, long seed) {
        return SplittingKMeansGate.xmeans(kmax, seed);
    }
}
