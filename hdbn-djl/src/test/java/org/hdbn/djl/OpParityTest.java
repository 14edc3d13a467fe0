package org.hdbn.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.OpCases;
import org.hdbn.testing.OpCases.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every op of {@link Graph}, on core's shared {@link OpCases}, gives the same values, gradients
 * and touched rows on the djl engine as on the tape engine (which core checks against finite
 * differences on the same cases), at {@link Parity#TOLERANCE}.
 */
class OpParityTest {

    static Stream<Case> cases() {
        return OpCases.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valuesAndGradientsMatchTheTapeEngine(Case c) {
        Parity.assertEnginesAgree(c.toString(), store -> {
            List<Parameter> params = c.parameters(42);
            params.forEach(store::add);
            return g -> c.f().apply(g, params.stream().map(g::param).toList());
        }, 42);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void inferenceGivesTheSameValues(Case c) {
        List<Parameter> params = c.parameters(43);
        Tensor tape = evaluate(Parity.TAPE.openInference(), c, params);
        Tensor djl = evaluate(Parity.DJL.openInference(), c, params);
        Parity.assertClose(c + " in inference", tape.data(), djl.data());
        for (Parameter p : params) {
            assertThat(p.grad()).as("gradient of %s", p.name()).containsOnly(0.0);
        }
    }

    private static Tensor evaluate(Graph scope, Case c, List<Parameter> params) {
        try (Graph g = scope) {
            Var y = c.f().apply(g, params.stream().map(g::param).toList());
            return y.value().copy();
        }
    }

    @Test
    void everyOpHasACase() {
        Set<String> covered = OpCases.cases().map(Case::op).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).containsAll(OpCases.opKeys());
    }
}
