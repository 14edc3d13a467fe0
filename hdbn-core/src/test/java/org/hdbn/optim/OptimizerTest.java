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

    /**
     * The same gradients (exact in float) into a double-stored and a float-stored copy of a table
     * (lazy rows) and a dense weight: after 60 steps the float copy is the double one to float's
     * precision, untouched rows have not moved, and the gradients were cleared.
     */
    @Test
    void floatStoredParametersFollowTheDoubleUpdateToFloatPrecision() {
        for (Optimizer[] pair : new Optimizer[][] {
                {new Adam(LearningRateSchedule.constant(0.01)), new Adam(LearningRateSchedule.constant(0.01))},
                {new Sgd(LearningRateSchedule.constant(0.05), 0.9), new Sgd(LearningRateSchedule.constant(0.05), 0.9)}}) {
            List<Parameter> doubles = floatExactParameters();
            List<Parameter> floats = floatExactParameters();
            floats.forEach(p -> p.useStorage(org.hdbn.param.ParameterStorage.FLOAT));
            org.apache.commons.rng.UniformRandomProvider rng = org.hdbn.random.RandomStreams.create(9);
            for (int step = 0; step < 60; step++) {
                int[] rows = {rng.nextInt(3), 3 + rng.nextInt(2)};
                double[] tableRows = new double[rows.length * 4];
                double[] dense = new double[6];
                Arrays.setAll(tableRows, k -> (float) (2 * rng.nextDouble() - 1));
                Arrays.setAll(dense, k -> (float) (2 * rng.nextDouble() - 1));
                for (List<Parameter> ps : List.of(doubles, floats)) {
                    ps.get(0).accumulateRows(rows, tableRows);
                    ps.get(1).accumulate(dense);
                }
                pair[0].stepAndZero(doubles, org.hdbn.concurrent.TaskRunner.sequential());
                pair[1].stepAndZero(floats, org.hdbn.concurrent.TaskRunner.sequential());
            }
            for (int i = 0; i < 2; i++) {
                double[] d = doubles.get(i).value().data();
                double[] f = floats.get(i).value().data();
                for (int k = 0; k < d.length; k++) {
                    assertThat(f[k]).as("%s, %s[%d]", pair[1].getClass().getSimpleName(), doubles.get(i).name(), k)
                            .isCloseTo(d[k], within(2e-5 * Math.max(1, Math.abs(d[k]))));
                }
                assertThat(floats.get(i).floatGrad()).containsOnly(0f);
            }
            assertThat(Arrays.copyOfRange(floats.get(0).value().data(), 20, 24))
                    .as("row 5 of the table was never touched").containsExactly(1, 1, 1, 1);
        }
    }

    /** A 6 x 4 table (rows 0-4 touched, row 5 never) and a dense 2 x 3 weight, all ones. */
    static List<Parameter> floatExactParameters() {
        Tensor table = Tensor.zeros(6, 4);
        Arrays.fill(table.data(), 1);
        Tensor w = Tensor.zeros(2, 3);
        Arrays.fill(w.data(), 1);
        return List.of(new Parameter("table", table, true), new Parameter("w", w, false));
    }
}
