package org.hdbn.gate;

import org.hdbn.graph.BuildContext;

/** Everyone in one group: the "one global network" ablation of HDBN. */
public record SingleGateSpec() implements GateSpec {

    @Override
    public GateFitter fitter(BuildContext ctx, long seed) {
        return SingleGate.fitter();
    }
}
