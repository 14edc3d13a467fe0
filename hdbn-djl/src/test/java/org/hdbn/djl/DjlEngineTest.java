package org.hdbn.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The djl engine's contract beyond op values: selection, offline loading, precision, scopes, sparse rows. */
class DjlEngineTest {

    final AutodiffEngine engine = Engines.byName(DjlEngine.NAME);

    @Test
    void isFoundByNameBesideTheTapeEngine() {
        assertThat(Engines.available()).contains("tape", "djl");
        assertThat(engine).isInstanceOf(DjlEngine.class);
        assertThat(engine.name()).isEqualTo("djl");
    }

    @Test
    void loadsPyTorchFromTheClassPathWithDownloadsForbidden() {
        // surefire sets ai.djl.offline=true as well; the engine sets it when nobody has
        try (Graph g = engine.openInference()) {
            g.constant(Tensor.scalar(1));
        }
        assertThat(System.getProperty(DjlEngine.OFFLINE)).isEqualTo("true");
        Engine pytorch = Engine.getEngine(DjlEngine.PYTORCH);
        assertThat(pytorch.getEngineName()).isEqualTo("PyTorch");
        assertThat(pytorch.getVersion()).isEqualTo("2.7.1");
    }

    @Test
    void computesInDoublePrecision() {
        try (Graph g = engine.openInference()) {
            double third = g.div(g.scalar(1), g.scalar(3)).value().item();
            assertThat(third).isEqualTo(1.0 / 3); // float32 would give 0.3333333432674408
            double tiny = g.softplus(g.scalar(-40)).value().item();
            assertThat(tiny).isEqualTo(Math.log1p(Math.exp(-40)));
        }
    }

    @Test
    void backwardAddsIntoTheParameterGradient() {
        Parameter p = new Parameter("p", Tensor.vector(1, 2, 3), false);
        p.grad()[0] = 10; // an earlier pass's gradient is added to, not replaced
        try (Graph g = engine.open()) {
            // the same parameter bound twice is the same leaf: d/dp sum(p * p) = 2p
            assertThat(g.param(p)).isSameAs(g.param(p));
            g.backward(g.sum(g.mul(g.param(p), g.param(p))));
        }
        assertThat(p.grad()).containsExactly(12, 4, 6);
    }

    @Test
    void aGatheredRowSparseTableGetsGradientOnTheRowsItServed() {
        Parameter table = new Parameter("table", Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2), true);
        try (Graph g = engine.open()) {
            Var rows = g.gather(g.param(table), new int[] {1, 1, 3});
            assertThat(rows.value().data()).containsExactly(3, 4, 3, 4, 7, 8);
            g.backward(g.sum(rows));
        }
        assertThat(table.touchedRows()).containsExactly(1, 3);
        assertThat(table.grad()).containsExactly(0, 0, 2, 2, 0, 0, 1, 1);
    }

    @Test
    void parametersTheLossDoesNotReachAreLeftAlone() {
        Parameter used = new Parameter("used", Tensor.vector(1, 2), false);
        Parameter unused = new Parameter("unused", Tensor.of(new double[] {1, 2, 3, 4}, 2, 2), true);
        try (Graph g = engine.open()) {
            g.exp(g.param(unused)); // computed, but not part of the loss
            g.backward(g.sum(g.param(used)));
        }
        assertThat(used.grad()).containsExactly(1, 1);
        assertThat(unused.grad()).containsOnly(0.0);
        assertThat(unused.touchedRows()).isEmpty();
    }

    @Test
    void aLossOfConstantsBackPropagatesNothing() {
        try (Graph g = engine.open()) {
            g.backward(g.sum(g.constant(Tensor.vector(1, 2))));
        }
    }

    @Test
    void misuseIsRefusedWithAReason() {
        try (Graph a = engine.open(); Graph b = engine.openInference()) {
            Var x = a.constant(Tensor.vector(1, 2));
            assertThatThrownBy(() -> b.neg(x)).hasMessageContaining("another scope");
            assertThatThrownBy(() -> b.backward(b.sum(b.constant(Tensor.vector(1))))).hasMessageContaining("inference");
            assertThatThrownBy(() -> a.backward(x)).hasMessageContaining("scalar loss");
            assertThatThrownBy(() -> a.matmul(x, x)).hasMessageContaining("matmul needs matrices");
            assertThatThrownBy(() -> a.add(a.constant(Tensor.vector(1, 2, 3)), x)).hasMessageContaining("do not broadcast");
            assertThatThrownBy(() -> a.gather(x, new int[] {2})).hasMessageContaining("gather row 2");
            a.backward(a.sum(x));
            assertThatThrownBy(() -> a.backward(a.sum(x))).hasMessageContaining("once per scope");
        }
    }

    @Test
    void oneTrainingScopeAtATimeAndValuesDieWithTheirScope() {
        Var y;
        try (Graph g = engine.open()) {
            assertThatThrownBy(engine::open).hasMessageContaining("one training scope at a time");
            y = g.exp(g.constant(Tensor.vector(0, 1)));
        }
        assertThatThrownBy(y::value).hasMessageContaining("after its scope closed");
        try (Graph g = engine.open()) {
            assertThat(g.recordsGradients()).isTrue();
        }
    }
}
