package org.hdbn.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.hdbn.graph.SpecException;
import org.hdbn.graph.SpecMapper;
import org.junit.jupiter.api.Test;

/** Fitted gates saved and read through the spec mapper, as a model saves its fitted resources. */
class GateJsonTest {

    // coordinates with long decimal expansions, to check they survive the round trip exactly
    private static final double[][] CENTROIDS = {{0.1, 1.0 / 3}, {Math.PI, -2e-300}, {7, Math.E}};

    private final SpecMapper mapper = new SpecMapper();

    private static Gate centroidGate() {
        return new CentroidGate(CENTROIDS, new int[] {0, 2, 1, 1, 0, 1}, Map.of("method", "test", "k", "3"));
    }

    private Gate roundTrip(Gate gate) throws Exception {
        String json = mapper.objectMapper().writerFor(Gate.class).writeValueAsString(gate);
        return mapper.read("gate", new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                Gate.class);
    }

    @Test
    void everyCoreTypeRoundTripsAndAssignsAsBefore() throws Exception {
        Gate[] gates = {
            centroidGate(),
            new FixedGate(new int[] {1, 0, 1}),
            FixedGate.withCentroidsFrom(new int[] {0, 2, 0}, new double[][] {{0.2, 0.8}, {0.5, 0.5}, {0.4, 0.6}}),
            new SingleGate(7)};
        double[][] fresh = {{0.3, 0.2}, {3.0, 0.1}, {6.5, 2.0}, {0.0, 0.0}, {1e-9, 0.5}};
        for (Gate gate : gates) {
            Gate loaded = roundTrip(gate);
            assertThat(loaded).isEqualTo(gate).isNotSameAs(gate);
            assertThat(loaded.fallbackGroup()).isEqualTo(gate.fallbackGroup());
            for (int e = 0; e < gate.numEntities(); e++) {
                assertThat(loaded.group(e)).isEqualTo(gate.group(e));
            }
            for (double[] x : fresh) {
                assertThat(loaded.groupForFeatures(x)).isEqualTo(gate.groupForFeatures(x));
            }
        }
        assertThat(((CentroidGate) roundTrip(centroidGate())).centroids()).isDeepEqualTo(CENTROIDS);
    }

    @Test
    void theSavedFormNamesTheTypeAndItsFields() throws Exception {
        String json = mapper.objectMapper().writerFor(Gate.class).writeValueAsString(new SingleGate(3));
        assertThat(json.replaceAll("\\s", "")).isEqualTo("{\"type\":\"single\",\"numEntities\":3}");
    }

    @Test
    void anUnknownTypeOrAnInvalidFieldIsRefusedWithItsName() {
        assertThatThrownBy(() -> mapper.read("saved gate", stream("{\"type\": \"centroids\", \"assignments\": [0]}"),
                Gate.class)).isInstanceOf(SpecException.class).hasMessageContaining("saved gate")
                .hasMessageContaining("centroid");
        assertThatThrownBy(() -> mapper.read("saved gate", stream("{\"type\": \"centroid\", \"centroids\": [[1.0]],"
                + " \"assignments\": [3], \"provenance\": {}}"), Gate.class)).hasMessageContaining("saved gate")
                .hasMessageContaining("assignments[0] = 3");
    }

    private static java.io.InputStream stream(String s) {
        return new java.io.ByteArrayInputStream(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
