package org.hdbn.gate;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.hdbn.graph.BuildContext;

/**
 * Everyone in one group: the "one global network" ablation of HDBN.
 *
 * @param features  the entity features (only their number of rows is used: one group of every entity)
 */
@JsonClassDescription("gate: every user in one group (one global network)")
public record SingleGateSpec(String features) implements GateSpec {

    @Override
    public GateFitter fitter(BuildContext ctx, long seed) {
        return SingleGate.fitter();
    }
}
