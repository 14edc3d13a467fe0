package org.hdbn.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec inheritance: deep merges, replacement on a type change, removal by null, chains and cycles. */
class SpecInheritanceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static final String BASE = "{'name': 'base', 'gate': {'type': 'kmeans', 'k': 10},"
            + " 'graph': {'nodes': {'a': {'type': 'embedding', 'dim': 64, 'rows': 'users'},"
            + " 'led': {'type': 'gaussian_latent', 'size': 16, 'prior': {'type': 'node', 'node': 'p'}}}}}";

    @Test
    void oneFieldOfOneNodeChangesAndTheRestIsKept() throws Exception {
        JsonNode merged = SpecInheritance.resolve(json("{'extends': 'base', 'name': 'v',"
                + " 'graph': {'nodes': {'a': {'dim': 32}}}}"), name -> base());
        assertThat(merged.has("extends")).isFalse();
        assertThat(merged.get("name").asText()).isEqualTo("v");
        assertThat(merged.at("/graph/nodes/a/dim").asInt()).isEqualTo(32);
        assertThat(merged.at("/graph/nodes/a/rows").asText()).isEqualTo("users");
        assertThat(merged.at("/graph/nodes/led/size").asInt()).isEqualTo(16);
        assertThat(merged.at("/gate/k").asInt()).isEqualTo(10);
    }

    @Test
    void anObjectOfAnotherTypeReplacesAndNullRemoves() throws Exception {
        JsonNode merged = SpecInheritance.resolve(json("{'extends': 'base', 'gate': null,"
                + " 'graph': {'nodes': {'led': {'prior': {'type': 'standard_normal'}}}}}"), name -> base());
        assertThat(merged.has("gate")).isFalse();
        assertThat(merged.at("/graph/nodes/led/prior").toString()).isEqualTo("{\"type\":\"standard_normal\"}");
    }

    @Test
    void basesChainAndCyclesAreRefused() throws Exception {
        Map<String, String> specs = Map.of("middle", "{'extends': 'base', 'name': 'middle', 'gate': {'k': 5}}",
                "base", BASE, "loop1", "{'extends': 'loop2'}", "loop2", "{'extends': 'loop1'}");
        JsonNode merged = SpecInheritance.resolve(json("{'extends': 'middle', 'name': 'top'}"), n -> parse(specs.get(n)));
        assertThat(merged.get("name").asText()).isEqualTo("top");
        assertThat(merged.at("/gate/k").asInt()).isEqualTo(5);
        assertThat(merged.at("/gate/type").asText()).isEqualTo("kmeans");
        assertThatThrownBy(() -> SpecInheritance.resolve(json("{'extends': 'loop1'}"), n -> parse(specs.get(n))))
                .isInstanceOf(SpecException.class).hasMessageContaining("cycle");
    }

    static JsonNode base() {
        return parse(BASE);
    }

    static JsonNode parse(String text) {
        try {
            return json(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
