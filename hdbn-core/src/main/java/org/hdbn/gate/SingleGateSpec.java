package org.hdbn.gate;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.hdbn.graph.BuildContext;

/** Everyone in one group: the "one global network" ablation of HDBN. */
@JsonClassDescription("gate: every user in one group (one global network)")
public record SingleGateSpec() implements GateSpec {

    @Override
    public GateFitter fitter(BuildContext ctx, long seed) {
        return SingleGate.fitter();
    }
}
