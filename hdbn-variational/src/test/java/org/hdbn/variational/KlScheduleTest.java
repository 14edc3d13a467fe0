package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.LossKind;
import org.hdbn.graph.LossTerm;
import org.hdbn.graph.SpecException;
import org.hdbn.variational.elbo.ConstantKl;
import org.hdbn.variational.elbo.CyclicalKl;
import org.hdbn.variational.elbo.Elbo;
import org.hdbn.variational.elbo.ElboParts;
import org.hdbn.variational.elbo.LinearWarmupKl;
import org.junit.jupiter.api.Test;

/** KL-weight schedules and the ELBO's weighting, against hand-computed values. */
class KlScheduleTest {

    @Test
    void constantIsConstant() {
        assertThat(ConstantKl.of(0.3).weight(0)).isEqualTo(0.3);
        assertThat(ConstantKl.of(0.3).weight(1_000_000)).isEqualTo(0.3);
        assertThat(new ConstantKl(null).weight(5)).isEqualTo(1.0);
    }

    @Test
    void linearWarmupRisesThenHolds() {
        LinearWarmupKl s = LinearWarmupKl.of(2.0, 100);
        assertThat(s.weight(0)).isEqualTo(0.0);
        assertThat(s.weight(25)).isEqualTo(0.5);
        assertThat(s.weight(50)).isEqualTo(1.0);
        assertThat(s.weight(100)).isEqualTo(2.0);
        assertThat(s.weight(5000)).isEqualTo(2.0);
    }

    @Test
    void cyclicalRampsWithinEachCycle() {
        CyclicalKl s = CyclicalKl.of(1.0, 100, 0.5);
        assertThat(s.weight(0)).isEqualTo(0.0);
        assertThat(s.weight(25)).isEqualTo(0.5);
        assertThat(s.weight(50)).isEqualTo(1.0);
        assertThat(s.weight(99)).isEqualTo(1.0);
        assertThat(s.weight(100)).isEqualTo(0.0);
        assertThat(s.weight(110)).isCloseTo(0.2, within(1e-12));
        assertThat(s.weight(325)).isEqualTo(0.5);
        assertThat(s.weight(375)).isEqualTo(1.0);
        assertThat(CyclicalKl.of(3.0, 10, 1.0).weight(5)).isEqualTo(1.5);
    }

    @Test
    void badSchedulesNameTheField() {
        assertThatThrownBy(() -> LinearWarmupKl.of(1, 0)).isInstanceOf(SpecException.class).hasMessageContaining("warmupSteps");
        assertThatThrownBy(() -> CyclicalKl.of(1, 10, 0)).isInstanceOf(SpecException.class).hasMessageContaining("rampFraction");
        assertThatThrownBy(() -> ConstantKl.of(-1)).isInstanceOf(SpecException.class).hasMessageContaining("weight");
    }

    @Test
    void elboWeightsOnlyTheKlTermsBySchedule() {
        try (Graph g = Models.ENGINE.open()) {
            ForwardResult r = new ForwardResult(Map.of(), List.of(
                    new LossTerm("a/nll", LossKind.LIKELIHOOD, 1.0, g.scalar(2.0)),
                    new LossTerm("z/kl", LossKind.KL, 0.5, g.scalar(4.0)),
                    new LossTerm("w/kl", LossKind.KL, 0.01, g.scalar(100.0)),
                    new LossTerm("z/recon", LossKind.RECONSTRUCTION, 0.1, g.scalar(3.0)),
                    new LossTerm("l2", LossKind.REGULARIZATION, 0.2, g.scalar(5.0))));
            Elbo elbo = new Elbo(LinearWarmupKl.of(1.0, 100));
            // at step 25 the KL multiplier is 0.25: 2 + 0.25 * (0.5 * 4 + 0.01 * 100) + 0.1 * 3 + 0.2 * 5
            assertThat(elbo.loss(g, r, 25).value().item()).isCloseTo(2 + 0.25 * 3 + 0.3 + 1.0, within(1e-12));
            ElboParts parts = elbo.parts(r, 25);
            assertThat(parts.likelihood()).isEqualTo(2.0);
            assertThat(parts.kl()).isCloseTo(3.0, within(1e-12));
            assertThat(parts.reconstruction()).isCloseTo(0.3, within(1e-12));
            assertThat(parts.regularization()).isCloseTo(1.0, within(1e-12));
            assertThat(parts.loss()).isCloseTo(4.05, within(1e-12));
            assertThat(parts.negativeElbo()).isCloseTo(6.3, within(1e-12));
            assertThat(Elbo.standard().loss(g, r, 0).value().item()).isCloseTo(6.3, within(1e-12));
        }
    }
}
