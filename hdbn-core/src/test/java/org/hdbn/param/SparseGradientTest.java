package org.hdbn.param;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.nn.Embedding;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    // few touched rows are sorted, many are found by a scan of the flags: both give the rows
    // ascending, each once, and the ranges the optimizers run over follow them
    @ParameterizedTest
    @ValueSource(ints = {1, 5, 40, 200, 900, 1000})
    void touchedRowsAreAscendingAndDistinctHoweverManyAreTouched(int touches) {
        Parameter t = new Parameter("items", Tensor.zeros(1000, 2), true);
        SplittableRandom random = new SplittableRandom(touches);
        TreeSet<Integer> expected = new TreeSet<>();
        for (int round = 0; round < 2; round++) {
            for (int k = 0; k < touches; k++) {
                int row = random.nextInt(1000);
                expected.add(row);
                t.accumulateRows(new int[] {row}, new double[] {1, 1});
            }
            assertThat(t.touchedRows()).containsExactly(expected.stream().mapToInt(Integer::intValue).toArray());
            StringBuilder ranges = new StringBuilder();
            t.forEachTouchedRange((from, to) -> ranges.append(from).append('-').append(to).append(' '));
            StringBuilder wanted = new StringBuilder();
            expected.forEach(r -> wanted.append(2 * r).append('-').append(2 * r + 2).append(' '));
            assertThat(ranges.toString()).isEqualTo(wanted.toString());
        }
        t.zeroGrad();
        assertThat(t.touchedRows()).isEmpty();
    }
}
