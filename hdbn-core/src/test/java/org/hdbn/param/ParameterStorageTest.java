package org.hdbn.param;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.optim.Adam;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parameter stored in float ({@link ParameterStorage#FLOAT}): its float arrays are the master,
 * its double value a copy kept in step with them, and nothing reads a double gradient or slot that
 * is not kept.
 */
class ParameterStorageTest {

    static Parameter table(String name) {
        return new Parameter(name, GradientCheck.randomLike(new int[] {5, 3}, RandomStreams.create(3, name)), true);
    }

    static float[] rounded(double[] d) {
        float[] f = new float[d.length];
        for (int k = 0; k < d.length; k++) {
            f[k] = (float) d[k];
        }
        return f;
    }

    @Test
    void storingInFloatRoundsValuesAndSlotsAndBackToDoubleIsExact() {
        Parameter p = table("t");
        double[] original = p.value().data().clone();
        double[] moment = GradientCheck.randomLike(new int[] {15}, RandomStreams.create(4)).data();
        p.setSlot(Adam.FIRST_MOMENT, moment.clone());

        p.useStorage(ParameterStorage.FLOAT);
        assertThat(p.storage()).isEqualTo(ParameterStorage.FLOAT);
        assertThat(p.floatValue()).containsExactly(rounded(original));
        assertThat(p.floatSlot(Adam.FIRST_MOMENT)).containsExactly(rounded(moment));
        assertThat(p.slotNames()).containsExactly(Adam.FIRST_MOMENT);
        assertThat(p.floatGrad()).containsOnly(0f);

        p.useStorage(ParameterStorage.DOUBLE);
        for (int k = 0; k < original.length; k++) {
            assertThat(p.value().data()[k]).isEqualTo((double) (float) original[k]);
            assertThat(p.slot(Adam.FIRST_MOMENT)[k]).isEqualTo((double) (float) moment[k]);
        }
    }

    @Test
    void theDoubleValueFollowsTheFloatMasterBothWays() {
        Parameter p = table("t");
        p.useStorage(ParameterStorage.FLOAT);
        p.floatValue()[4] = 2.5f;
        p.floatValueChanged();
        assertThat(p.value().data()[4]).as("refreshed when read after an update").isEqualTo(2.5);

        p.value().data()[7] = -0.1;
        p.valueWritten();
        assertThat(p.floatValue()[7]).as("a written value is taken, rounded").isEqualTo(-0.1f);
    }

    @Test
    void doubleGradientAndSlotsAreRefusedNamingTheFloatOnes() {
        Parameter p = table("embedding");
        p.useStorage(ParameterStorage.FLOAT);
        assertThatThrownBy(p::grad).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'embedding' is stored in float").hasMessageContaining("floatGrad()");
        assertThatThrownBy(() -> p.slot(Adam.SECOND_MOMENT)).hasMessageContaining("floatSlot(name)");
        assertThatThrownBy(() -> table("d").floatGrad()).hasMessageContaining("'d' is stored in double");
    }

    @Test
    void gradientsAddInFloatAndRowsAreTracked() {
        Parameter p = table("t");
        p.useStorage(ParameterStorage.FLOAT);
        p.accumulateRows(new int[] {3, 1, 3}, new float[] {1, 2, 3, 4, 5, 6, 0.5f, 0.25f, 0.125f}, 3);
        p.accumulateRows(new int[] {1}, new double[] {0.1, 0.2, 0.3}, 1);
        assertThat(p.touchedRows()).containsExactly(1, 3);
        assertThat(p.floatGrad()).containsExactly(0, 0, 0, 4 + 0.1f, 5 + 0.2f, 6 + 0.3f, 0, 0, 0, 1.5f, 2.25f, 3.125f,
                0, 0, 0);
        assertThat(p.allRowsTouched()).isFalse();
        p.zeroGrad();
        assertThat(p.floatGrad()).containsOnly(0f);
        assertThat(p.touchedRows()).isEmpty();
    }

    @Test
    void buffersAddedAfterwardsEqualADirectPassInFloat() {
        AutodiffEngine f32 = Engines.byName("tape-f32");
        Parameter[] direct = GradientSinkTest.parameters();
        Parameter[] buffered = GradientSinkTest.parameters();
        for (int i = 0; i < direct.length; i++) {
            direct[i].useStorage(ParameterStorage.FLOAT);
            buffered[i].useStorage(ParameterStorage.FLOAT);
        }
        try (Graph g = f32.open()) {
            GradientSinkTest.pass(g, direct);
        }
        GradientBuffers first = new GradientBuffers();
        GradientBuffers second = new GradientBuffers();
        try (Graph g = f32.open(second)) {
            GradientSinkTest.pass(g, buffered);
        }
        assertThat(buffered[0].floatGrad()).as("nothing reaches the parameters before addTo").containsOnly(0f);
        // one level of a reduction tree, then into the parameters
        for (Parameter p : buffered) {
            second.addTo(first, p);
            first.addTo(p);
        }
        // the dense weight's gradient is the same float sum; the table's the same terms, rows first
        assertThat(buffered[1].floatGrad()).containsExactly(direct[1].floatGrad());
        for (int k = 0; k < direct[0].floatGrad().length; k++) {
            assertThat(buffered[0].floatGrad()[k]).isCloseTo(direct[0].floatGrad()[k],
                    org.assertj.core.api.Assertions.within(1e-6f));
        }
        for (int i = 0; i < direct.length; i++) {
            assertThat(buffered[i].touchedRows()).isEqualTo(direct[i].touchedRows());
        }
        assertThat(direct[0].floatGrad()).as("the pass reached the float gradient").isNotEqualTo(new float[15]);
    }

    @Test
    void savedAndLoadedFloatParametersKeepEveryBit(@TempDir Path dir) {
        ParameterStore store = new ParameterStore();
        store.add(table("t"));
        Parameter p = store.get("t");
        p.useStorage(ParameterStorage.FLOAT);
        p.floatValue()[2] = 1.0f / 3;
        p.floatValueChanged();
        p.floatSlot(Adam.SECOND_MOMENT)[5] = 7.1e-9f;
        ParameterFiles.save(store, dir, "m");

        ParameterStore doubles = ParameterFiles.load(dir, "m");
        Parameter q = doubles.get("t");
        q.useStorage(ParameterStorage.FLOAT);
        assertThat(q.floatValue()).containsExactly(p.floatValue());
        assertThat(q.floatSlot(Adam.SECOND_MOMENT)).containsExactly(p.floatSlot(Adam.SECOND_MOMENT));

        // and loading into a store already in float
        ParameterStore floats = new ParameterStore();
        floats.add(new Parameter("t", Tensor.zeros(5, 3), true));
        floats.get("t").useStorage(ParameterStorage.FLOAT);
        ParameterFiles.loadInto(floats, dir, "m");
        assertThat(floats.get("t").floatValue()).containsExactly(p.floatValue());
        assertThat(floats.get("t").floatSlot(Adam.SECOND_MOMENT)).containsExactly(p.floatSlot(Adam.SECOND_MOMENT));
    }
}
