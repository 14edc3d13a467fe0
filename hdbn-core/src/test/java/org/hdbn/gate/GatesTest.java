package org.hdbn.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatesTest {

    @TempDir
    Path dir;

    // coordinates with long decimal expansions, to check they survive the round trip exactly
    private static final double[][] CENTROIDS = {{0.1, 1.0 / 3}, {Math.PI, -2e-300}, {7, Math.E}};

    private static Gate centroidGate() {
        return new CentroidGate(CENTROIDS, new int[] {0, 2, 1, 1, 0, 1}, Map.of("method", "test", "k", "3"));
    }

    @Test
    void everyBuiltInTypeRoundTrips() throws IOException {
        Gate[] gates = {
            centroidGate(),
            new FixedGate(new int[] {1, 0, 1}),
            FixedGate.withCentroidsFrom(new int[] {0, 2, 0}, new double[][] {{0.2, 0.8}, {0.5, 0.5}, {0.4, 0.6}}),
            new SingleGate(7)};
        double[][] fresh = {{0.3, 0.2}, {3.0, 0.1}, {6.5, 2.0}, {0.0, 0.0}, {1e-9, 0.5}};
        for (int i = 0; i < gates.length; i++) {
            Path file = dir.resolve("gate" + i + ".json");
            Gates.save(gates[i], file);
            Gate loaded = Gates.load(file);
            assertThat(loaded).isEqualTo(gates[i]).isNotSameAs(gates[i]);
            assertThat(loaded.fallbackGroup()).isEqualTo(gates[i].fallbackGroup());
            for (int e = 0; e < gates[i].numEntities(); e++) {
                assertThat(loaded.group(e)).isEqualTo(gates[i].group(e));
            }
            for (double[] x : fresh) {
                assertThat(loaded.groupForFeatures(x)).isEqualTo(gates[i].groupForFeatures(x));
            }
        }
        assertThat(((CentroidGate) Gates.load(dir.resolve("gate0.json"))).centroids()).isDeepEqualTo(CENTROIDS);
    }

    @Test
    void saveReplacesAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("gate.json");
        Gates.save(new SingleGate(3), file);
        Gates.save(centroidGate(), file);
        assertThat(Gates.load(file)).isEqualTo(centroidGate());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
        String json = Files.readString(file);
        assertThat(json).contains("\"format\" : \"hdbn-gate\"", "\"version\" : 1", "\"type\" : \"centroid\"");
    }

    @Test
    void truncatedFileIsReportedWithItsName() throws IOException {
        Path file = dir.resolve("cut.json");
        Gates.save(centroidGate(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> Gates.load(file)).isInstanceOf(GateFormatException.class)
                .hasMessageStartingWith(file + ": truncated or malformed JSON at line");
    }

    @Test
    void malformedContentIsReportedWithFileAndField() throws IOException {
        expectError("", "empty file, expected a gate object");
        expectError("[1, 2]", "expected a JSON object, got ARRAY");
        expectError("{\"format\":\"hdbn-gate\",\"version\":1,\"type\":\"single\",\"numEntities\":2} x",
                "truncated or malformed JSON");
        expectError("{\"format\":\"other\",\"version\":1}", "field 'format' is 'other', expected 'hdbn-gate'");
        expectError("{\"format\":\"hdbn-gate\",\"type\":\"single\"}", "field 'version' is missing");
        expectError("{\"format\":\"hdbn-gate\",\"version\":2,\"type\":\"single\"}",
                "format version 2 is not supported (this build reads version 1)");
        expectError("{\"format\":\"hdbn-gate\",\"version\":1,\"type\":\"tree\"}",
                "unknown gate type 'tree' (known: centroid, fixed, single)");
        expectError("{\"format\":\"hdbn-gate\",\"version\":1,\"type\":\"single\",\"numEntities\":\"5\"}",
                "field 'numEntities': expected an integer, got \"5\"");
        expectError("{\"format\":\"hdbn-gate\",\"version\":1,\"type\":\"centroid\",\"centroids\":[[0,1],[2,\"x\"]],"
                + "\"assignments\":[0]}", "field 'centroids': row 1, element 1 is \"x\", expected a number");
        expectError("{\"format\":\"hdbn-gate\",\"version\":1,\"type\":\"centroid\",\"centroids\":[[0,1],[2,3]],"
                + "\"assignments\":[0,1.5]}", "field 'assignments': element 1 is 1.5, expected an integer");
        expectError("{\"format\":\"hdbn-gate\",\"version\":1,\"type\":\"centroid\",\"centroids\":[[0,1],[2,3]],"
                + "\"assignments\":[0,2]}", "assignments[1] = 2 is outside [0, 2)");
        expectError("{\"format\":\"hdbn-gate\",\"version\":1,\"version\":1,\"type\":\"single\",\"numEntities\":2}",
                "Duplicate field 'version'");
    }

    @Test
    void missingFileIsAnIoError() {
        Path file = dir.resolve("absent.json");
        assertThatThrownBy(() -> Gates.load(file)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("absent.json");
    }

    private void expectError(String content, String message) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Gates.load(file)).isInstanceOf(GateFormatException.class)
                .hasMessageStartingWith(file + ": ").hasMessageContaining(message);
    }
}
