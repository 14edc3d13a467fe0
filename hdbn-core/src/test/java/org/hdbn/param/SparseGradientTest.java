package org.hdbn.param;

import static org.assertj.core.api.Assertions.assertThat;

import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.nn.Embedding;
import org.hdbn.random.RandomStreams;
import org.junit.jupiter.api.Test;

class SparseGradientTest {

    @Test
    void anEmbeddingLookupTouchesOnlyItsRowsAndZeroingClearsThem() {
        ParameterStore store = new ParameterStore();
        Embedding e = new Embedding(store, "items", 1000, 3, Initializer.normal(1), RandomStreams.create(3));
        try (Graph g = Engines.byName("tape").open()) {
            g.backward(g.sum(e.forward(g, new int[] {7, 3, 7})));
        }
        Parameter t = e.table();
        assertThat(t.touchedRows()).containsExactly(3, 7);
        assertThat(t.grad()[7 * 3]).isEqualTo(2.0);
        assertThat(t.grad()[3 * 3 + 2]).isEqualTo(1.0);
        double total = 0;
        for (double v : t.grad()) {
            total += v;
        }
        assertThat(total).isEqualTo(9.0);
        t.zeroGrad();
        assertThat(t.grad()).containsOnly(0.0);
        assertThat(t.touchedRows()).isEmpty();
    }

    @Test
    void aTableUsedDenselyCountsEveryRowAsTouched() {
        ParameterStore store = new ParameterStore();
        Embedding e = new Embedding(store, "items", 4, 2, Initializer.normal(1), RandomStreams.create(3));
        try (Graph g = Engines.byName("tape").open()) {
            g.backward(g.sum(g.square(g.param(e.table()))));
        }
        assertThat(e.table().touchedRows()).containsExactly(0, 1, 2, 3);
    }
}
