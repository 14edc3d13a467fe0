package org.hdbn.param;

import static org.assertj.core.api.Assertions.assertThat;

import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/** A pass into {@link GradientBuffers}, added afterwards, leaves the same gradients as a direct pass. */
class GradientSinkTest {

    static final AutodiffEngine ENGINE = Engines.byName("tape");

    static Parameter[] parameters() {
        var rng = RandomStreams.create(5);
        Parameter table = new Parameter("table", GradientCheck.randomLike(new int[] {6, 3}, rng), true);
        Parameter w = new Parameter("w", GradientCheck.randomLike(new int[] {3, 2}, rng), false);
        return new Parameter[] {table, w};
    }

    /** A table read by rows (sparse) and as a whole (dense), and a dense weight used twice. */
    static void pass(Graph g, Parameter[] p) {
        Var rows = g.gather(g.param(p[0]), new int[] {4, 1, 4});
        Var out = g.matmul(rows, g.param(p[1]));
        Var whole = g.sum(g.square(g.param(p[0])));
        Var loss = g.add(g.sum(g.tanh(g.matmul(out, false, g.param(p[1]), true))), whole);
        g.backward(loss);
    }

    @Test
    void buffersAddedAfterwardsEqualADirectPass() {
        Parameter[] direct = parameters();
        try (Graph g = ENGINE.open()) {
            pass(g, direct);
        }
        Parameter[] buffered = parameters();
        GradientBuffers buffers = new GradientBuffers();
        try (Graph g = ENGINE.open(buffers)) {
            pass(g, buffered);
        }
        assertThat(buffered[0].grad()).as("nothing reaches the parameters before addTo").containsOnly(0.0);
        buffers.addTo();
        // the dense weight's gradient is the same sum in the same order; the table's sums the same
        // terms in another order (rows before the dense part), so it agrees to round-off
        assertThat(buffered[1].grad()).isEqualTo(direct[1].grad());
        for (int k = 0; k < direct[0].grad().length; k++) {
            assertThat(buffered[0].grad()[k]).isCloseTo(direct[0].grad()[k], org.assertj.core.api.Assertions.within(1e-14));
        }
        for (int i = 0; i < direct.length; i++) {
            assertThat(buffered[i].touchedRows()).isEqualTo(direct[i].touchedRows());
        }
        // emptied, so a second addTo adds nothing
        buffers.addTo();
        assertThat(buffered[1].grad()).isEqualTo(direct[1].grad());
    }

    @Test
    void rowGradientsKeepTheirRowsAndRepeats() {
        Parameter table = new Parameter("t", Tensor.zeros(4, 2), true);
        GradientBuffers buffers = new GradientBuffers();
        buffers.addRows(table, new int[] {2, 0, 2}, new double[] {1, 2, 3, 4, 5, 6});
        buffers.addTo();
        assertThat(table.grad()).containsExactly(3, 4, 0, 0, 6, 8, 0, 0);
        assertThat(table.touchedRows()).containsExactly(0, 2);
    }

    @Test
    void movingABufferIntoAnotherEmptiesIt() {
        Parameter w = new Parameter("w", Tensor.zeros(3), false);
        GradientBuffers from = new GradientBuffers();
        GradientBuffers into = new GradientBuffers();
        from.add(w, new double[] {1, 2, 3});
        into.add(w, new double[] {10, 20, 30});
        from.addTo(into, w);
        from.addTo(into, w);
        into.addTo(w);
        assertThat(w.grad()).as("moved once").containsExactly(11, 22, 33);
        into.addTo(w);
        assertThat(w.grad()).as("the target emptied by addTo").containsExactly(11, 22, 33);
    }
}
