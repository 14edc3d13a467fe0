package org.hdbn.autodiff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hdbn.param.Parameter;
import org.hdbn.random.RandomStreams;
import org.hdbn.testing.GradientCheck;
import org.hdbn.testing.OpCases;
import org.hdbn.testing.OpCases.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A finite-difference gradient check for every op of {@link Graph}, on the shared
 * {@link OpCases} (random shapes and values, seeded). {@link #everyOpHasACheck()} fails when an op
 * is added to the interface without a case there.
 */
class OpGradientTest {

    static final double TOLERANCE = 1e-6;
    static final AutodiffEngine ENGINE = Engines.byName("tape");

    static Stream<Case> cases() {
        return OpCases.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesCentralDifferences(Case c) {
        List<Parameter> params = c.parameters(42);
        double err = GradientCheck.maxError(ENGINE, params, c.f(), RandomStreams.create(42, c + " weights"));
        assertThat(err).as("max gradient error of %s", c).isLessThan(TOLERANCE);
    }

    /** Every op of Graph must have a case: named {@code name}, or {@code name/arity} when overloaded. */
    @Test
    void everyOpHasACheck() {
        Set<String> covered = OpCases.cases().map(Case::op).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).containsAll(OpCases.opKeys());
    }
}
