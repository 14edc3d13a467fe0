package org.hdbn.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    @Test
    void staircaseDecayHoldsThenDrops() {
        LearningRateSchedule s = LearningRateSchedule.staircaseExponential(0.05, 0.99, 1024);
        assertThat(s.rate(0)).isEqualTo(0.05);
        assertThat(s.rate(1023)).isEqualTo(0.05);
        assertThat(s.rate(1024)).isCloseTo(0.0495, within(1e-15));
        assertThat(s.rate(3 * 1024 + 5)).isCloseTo(0.05 * 0.99 * 0.99 * 0.99, within(1e-15));
    }

    @Test
    void sgdStepIsLearningRateTimesGradient() {
        Parameter p = new Parameter("w", Tensor.vector(1, 2), false);
        p.accumulate(new double[] {0.5, -1});
        new Sgd(LearningRateSchedule.constant(0.1)).step(List.of(p));
        assertThat(p.value().data()).containsExactly(0.95, 2.1);
    }

    @Test
    void adamFirstStepMovesEachWeightByTheLearningRate() {
        // with bias correction, m_hat = g and v_hat = g^2 after one step: the update is lr * sign(g)
        Parameter p = new Parameter("w", Tensor.vector(0, 0, 0), false);
        p.accumulate(new double[] {3, -0.001, 40});
        new Adam(LearningRateSchedule.constant(0.01)).step(List.of(p));
        assertThat(p.value().data()[0]).isCloseTo(-0.01, within(1e-9));
        assertThat(p.value().data()[1]).isCloseTo(0.01, within(1e-6));
        assertThat(p.value().data()[2]).isCloseTo(-0.01, within(1e-9));
    }

    @Test
    void lazyAdamOnATableEqualsDenseAdamOnTheTouchedRowsAndLeavesOthersAlone() {
        Parameter sparse = new Parameter("table", Tensor.of(new double[8], 4, 2), true);
        Parameter dense = new Parameter("dense", Tensor.of(new double[4], 2, 2), false);
        Adam a = new Adam(LearningRateSchedule.constant(0.1));
        Adam b = new Adam(LearningRateSchedule.constant(0.1));
        double[][] grads = {{1, -2}, {0.5, 0.25}, {-1, 3}};
        for (double[] g : grads) {
            sparse.accumulateRows(new int[] {2}, g);
            dense.accumulateRows(new int[] {1}, g);
            a.step(List.of(sparse));
            b.step(List.of(dense));
            sparse.zeroGrad();
            dense.zeroGrad();
        }
        assertThat(Arrays.copyOfRange(sparse.value().data(), 4, 6))
                .containsExactly(Arrays.copyOfRange(dense.value().data(), 2, 4));
        assertThat(Arrays.copyOfRange(sparse.value().data(), 0, 4)).containsOnly(0.0);
        assertThat(sparse.slot(Adam.FIRST_MOMENT)[0]).isZero();
        assertThat(sparse.touchedRows()).isEmpty();
    }

    @Test
    void stepAndZeroEqualsAStepThenClearingTheGradients() {
        for (boolean adam : new boolean[] {true, false}) {
            List<Parameter> once = parameters();
            List<Parameter> fused = parameters();
            Optimizer a = adam ? new Adam(LearningRateSchedule.constant(0.1)) : new Sgd(LearningRateSchedule.constant(0.1));
            Optimizer b = adam ? new Adam(LearningRateSchedule.constant(0.1)) : new Sgd(LearningRateSchedule.constant(0.1));
            for (int step = 0; step < 3; step++) {
                for (List<Parameter> ps : List.of(once, fused)) {
                    ps.get(0).accumulate(new double[] {0.5 + step, -1});
                    ps.get(1).accumulateRows(new int[] {step % 3}, new double[] {2, -step});
                    ps.get(2).accumulate(new double[] {1});
                }
                a.step(once, org.hdbn.concurrent.TaskRunner.sequential());
                once.forEach(Parameter::zeroGrad);
                b.stepAndZero(fused, new org.hdbn.concurrent.ThreadTaskRunner(2));
                for (int k = 0; k < once.size(); k++) {
                    assertThat(fused.get(k).value().data()).as("%s step %d parameter %d", adam ? "Adam" : "SGD", step, k)
                            .isEqualTo(once.get(k).value().data());
                    assertThat(fused.get(k).grad()).as("gradient cleared").containsOnly(0.0);
                    assertThat(fused.get(k).touchedRows()).as("touched rows forgotten")
                            .containsExactly(once.get(k).touchedRows());
                    for (String slot : once.get(k).slotNames()) {
                        assertThat(fused.get(k).slot(slot)).as(slot).isEqualTo(once.get(k).slot(slot));
                    }
                }
            }
        }
    }

    /** A dense vector, a row-sparse table and a frozen scalar. */
    private static List<Parameter> parameters() {
        Parameter frozen = new Parameter("frozen", Tensor.vector(3), false);
        frozen.setTrainable(false);
        return List.of(new Parameter("w", Tensor.vector(1, 2), false),
                new Parameter("table", Tensor.of(new double[6], 3, 2), true), frozen);
    }

    @Test
    void frozenParametersAreNotUpdated() {
        Parameter p = new Parameter("w", Tensor.vector(1), false);
        p.setTrainable(false);
        p.accumulate(new double[] {1});
        new Adam(LearningRateSchedule.constant(0.1)).step(List.of(p));
        assertThat(p.value().data()).containsExactly(1.0);
    }

    @Test
    void clippingScalesTheGlobalNormToTheLimit() {
        Parameter a = new Parameter("a", Tensor.vector(0, 0), false);
        Parameter b = new Parameter("b", Tensor.of(new double[4], 2, 2), true);
        a.accumulate(new double[] {3, 0});
        b.accumulateRows(new int[] {1}, new double[] {0, 4});
        double norm = GradientClipping.clipGlobalNorm(List.of(a, b), 1.0);
        assertThat(norm).isEqualTo(5.0);
        assertThat(GradientClipping.globalNorm(List.of(a, b))).isCloseTo(1.0, within(1e-12));
        assertThat(a.grad()[0]).isCloseTo(0.6, within(1e-12));
        assertThat(a.grad()[1]).isZero();
        assertThat(b.grad()[3]).isCloseTo(0.8, within(1e-12));
        assertThat(GradientClipping.clipGlobalNorm(List.of(a, b), 10.0)).isCloseTo(1.0, within(1e-12));
    }
}
