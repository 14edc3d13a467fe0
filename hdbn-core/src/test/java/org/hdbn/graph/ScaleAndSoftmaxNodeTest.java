package org.hdbn.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.random.RandomStreams;
import org.hdbn.testing.GradientCheck;
import org.junit.jupiter.api.Test;

class ScaleAndSoftmaxNodeTest {

    static final AutodiffEngine ENGINE = Engines.byName("tape");
    static final Batch BATCH = Batch.ofIndices(Map.of("user", new int[] {0, 2, 1}));

    static ModelGraph build(String nodes, ParameterStore store) {
        String json = """
                {"formatVersion": 1, "inputs": {"user": "index"}, "nodes": {
                  "x": {"type": "embedding", "input": "user", "rows": 3, "dim": 4, "initStd": 1.0},
                  %s }}
                """.formatted(nodes);
        GraphSpec spec = new SpecMapper().read("test", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
                GraphSpec.class);
        return ModelGraph.build(spec, new BuildContext(store, 1, Map.of(), Map.of(), Map.of()),
                KlRegistry.withDefaults());
    }

    static double[] out(ModelGraph m, String node) {
        try (Graph g = ENGINE.openInference()) {
            return m.forward(g, BATCH, ForwardMode.means(), List.of(node)).value(node).value().data();
        }
    }

    static double gradientError(ModelGraph m, ParameterStore store, String node) {
        return GradientCheck.maxError(ENGINE, new ArrayList<>(store.all()),
                (g, in) -> m.forward(g, BATCH, ForwardMode.means(), List.of(node)).value(node), RandomStreams.create(8));
    }

    @Test
    void fixedAndLearnedScalesMultiplyAndMatchFiniteDifferences() {
        ParameterStore store = new ParameterStore();
        ModelGraph m = build("""
                "fixed": {"type": "scale", "input": "x", "factor": 0.015625},
                "learned": {"type": "scale", "input": "x", "factor": 0.5, "learned": true}""", store);
        double[] x = out(m, "x");
        double[] fixed = out(m, "fixed");
        double[] learned = out(m, "learned");
        for (int k = 0; k < x.length; k++) {
            assertThat(fixed[k]).isCloseTo(x[k] / 64, within(1e-15));
            assertThat(learned[k]).isCloseTo(x[k] * 0.5, within(1e-15));
        }
        assertThat(store.get("learned/factor").value().item()).isEqualTo(0.5);
        assertThat(gradientError(m, store, "learned")).isLessThan(1e-6);
        assertThat(gradientError(m, store, "fixed")).isLessThan(1e-6);
    }

    @Test
    void temperedSoftmaxSpreadsTheDistributionAndMatchesFiniteDifferences() {
        ParameterStore store = new ParameterStore();
        ModelGraph m = build("""
                "plain": {"type": "softmax", "input": "x"},
                "hot": {"type": "softmax", "input": "x", "temperature": 4.0},
                "learned": {"type": "softmax", "input": "x", "temperature": 2.0, "learned": true}""", store);
        double[] x = out(m, "x");
        double[] hot = out(m, "hot");
        double[] plain = out(m, "plain");
        for (int r = 0; r < 3; r++) {
            double z = 0;
            for (int c = 0; c < 4; c++) {
                z += Math.exp(x[r * 4 + c] / 4);
            }
            for (int c = 0; c < 4; c++) {
                assertThat(hot[r * 4 + c]).isCloseTo(Math.exp(x[r * 4 + c] / 4) / z, within(1e-12));
            }
            assertThat(max(hot, r)).isLessThan(max(plain, r));
        }
        assertThat(gradientError(m, store, "learned")).isLessThan(1e-6);
        assertThat(gradientError(m, store, "hot")).isLessThan(1e-6);
    }

    static double max(double[] v, int row) {
        double m = 0;
        for (int c = 0; c < 4; c++) {
            m = Math.max(m, v[row * 4 + c]);
        }
        return m;
    }
}
