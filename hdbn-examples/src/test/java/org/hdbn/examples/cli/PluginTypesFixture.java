package org.hdbn.examples.cli;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.gate.GateSpec;
import org.hdbn.gate.SingleGateSpec;
import org.hdbn.graph.SpecTypeProvider;

/**
 * A spec type provider that no {@code META-INF/services} file on the test class path names: the
 * plugin tests list it in a services file of a class folder given with {@code --plugin}, so it is
 * registered only when that folder is loaded.
 */
public final class PluginTypesFixture implements SpecTypeProvider {

    /** A gate spec under a name only the plugin registers. */
    @JsonClassDescription("gate: a test extension's gate")
    public record FixtureGateSpec(String features, Integer groups) implements GateSpec {
        public FixtureGateSpec {
            groups = groups == null ? 3 : groups;
        }

        @Override
        public org.hdbn.gate.GateFitter fitter(org.hdbn.graph.BuildContext ctx, long seed) {
            return new SingleGateSpec(features).fitter(ctx, seed);
        }
    }

    @Override
    public List<SpecType> specTypes() {
        return List.of(new SpecType(GateSpec.class, "plugin_fixture_gate", FixtureGateSpec.class));
    }
}
