package org.hdbn.autodiff.tape;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStorage;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.CloseArrays;
import org.hdbn.testing.GradientCheck;
import org.hdbn.testing.OpCases;
import org.hdbn.testing.OpCases.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The single-precision tape ({@value SinglePrecisionTapeEngine#NAME}) against the double one on
 * every op case that {@code OpGradientTest} checks the double tape on against finite differences:
 * the same values, gradients and touched rows within float's precision, and values that really are
 * floats.
 */
class SinglePrecisionTapeTest {

    /**
     * Entries agree when {@code |f32 - f64| <= TOLERANCE * max(1, |f64|)}. Float's unit round-off is
     * 6e-8; a case chains a few ops, each rounding once, and a gradient sums a few products, so
     * errors stay within a few 1e-7. A wrong formula, broadcast or index misses by far more.
     */
    static final double TOLERANCE = 2e-6;

    static final AutodiffEngine TAPE = Engines.byName("tape");
    static final AutodiffEngine F32 = Engines.byName(SinglePrecisionTapeEngine.NAME);

    /** What one engine produced: the output and each parameter's gradient and touched rows. */
    record Snapshot(double[] output, Map<String, double[]> grads, Map<String, int[]> touched) {
    }

    static Stream<Case> cases() {
        return OpCases.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valuesAndGradientsMatchTheDoubleTape(Case c) {
        assertMatches(c, run(TAPE, c), run(F32, c));
    }

    /**
     * With the parameters stored in float, as a trainer stores them for this engine, the leaves are
     * the parameters' own float arrays and the gradients land in their float gradients: the same
     * values and gradients as the double tape's, to float's precision.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void floatStoredParametersGiveTheDoubleTapesGradients(Case c) {
        assertMatches(c, run(TAPE, c), run(F32, c, ParameterStorage.FLOAT));
    }

    /** The float run's output, gradients and touched rows are the double run's, to float's precision. */
    static void assertMatches(Case c, Snapshot d, Snapshot f) {
        assertClose(c + ": output", d.output(), f.output());
        for (String name : d.grads().keySet()) {
            assertClose(c + ": gradient of " + name, d.grads().get(name), f.grads().get(name));
            assertThat(f.touched().get(name)).as("%s: rows of %s marked touched", c, name)
                    .containsExactly(d.touched().get(name));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void valuesAreFloats(Case c) {
        for (double v : run(F32, c).output()) {
            assertThat((double) (float) v).as("%s: %s held in float", c, v).isEqualTo(v);
        }
    }

    @Test
    void inferenceGivesTheTrainingValues() {
        OpCases.cases().forEach(c -> {
            List<Parameter> params = c.parameters(42);
            try (Graph g = F32.openInference()) {
                Var y = c.f().apply(g, params.stream().map(g::param).toList());
                assertThat(y.value().data()).as("%s", c).containsExactly(run(F32, c).output());
            }
            for (Parameter p : params) {
                assertThat(p.grad()).as("gradient of %s", p.name()).containsOnly(0.0);
            }
        });
    }

    @Test
    void everyOpHasACase() {
        Set<String> covered = OpCases.cases().map(Case::op).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).containsAll(OpCases.opKeys());
    }

    /** {@code sum(output * W)} back-propagated, W fixed and random, so every output entry has its own weight. */
    static Snapshot run(AutodiffEngine engine, Case c) {
        return run(engine, c, ParameterStorage.DOUBLE);
    }

    static Snapshot run(AutodiffEngine engine, Case c, ParameterStorage storage) {
        List<Parameter> params = c.parameters(42);
        params.forEach(p -> p.useStorage(storage));
        double[] output;
        try (Graph g = engine.open()) {
            Var y = c.f().apply(g, params.stream().map(g::param).toList());
            output = y.value().data().clone();
            Tensor w = GradientCheck.randomLike(y.shape(), RandomStreams.create(42, "loss weights"));
            g.backward(g.sum(g.mul(y, g.constant(w))));
        }
        Map<String, double[]> grads = new LinkedHashMap<>();
        Map<String, int[]> touched = new LinkedHashMap<>();
        for (Parameter p : params) {
            grads.put(p.name(), storage == ParameterStorage.FLOAT ? widen(p.floatGrad()) : p.grad().clone());
            touched.put(p.name(), p.touchedRows());
        }
        return new Snapshot(output, grads, touched);
    }

    static double[] widen(float[] f) {
        double[] d = new double[f.length];
        for (int k = 0; k < f.length; k++) {
            d[k] = f[k];
        }
        return d;
    }

    static void assertClose(String what, double[] expected, double[] actual) {
        CloseArrays.check(what + " (float against double)", expected, actual, TOLERANCE);
    }
}
