package org.hdbn.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

class EnginesTest {

    @Test
    void theTapeEngineIsFoundByNameAndIsTheDefault() {
        assertThat(Engines.available()).contains("tape");
        assertThat(Engines.byName("tape").name()).isEqualTo("tape");
        assertThat(Engines.defaultEngine().name()).isEqualTo("tape");
    }

    @Test
    void anUnknownEngineIsRefusedListingTheInstalledOnes() {
        assertThatThrownBy(() -> Engines.byName("cuda")).hasMessageContaining("no autodiff engine named 'cuda'")
                .hasMessageContaining("tape");
    }

    @Test
    void valuesFromAnotherScopeAndBackwardInInferenceAreRefused() {
        AutodiffEngine e = Engines.byName("tape");
        try (Graph a = e.open(); Graph b = e.openInference()) {
            Var x = a.constant(Tensor.vector(1, 2));
            assertThatThrownBy(() -> b.neg(x)).hasMessageContaining("another scope");
            assertThatThrownBy(() -> b.backward(b.sum(b.constant(Tensor.vector(1))))).hasMessageContaining("inference");
        }
    }
}
