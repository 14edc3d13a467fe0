package org.hdbn.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.CloseArrays;
import org.hdbn.testing.GradientCheck;

/**
 * Runs one model on two engines from identical parameters and compares what comes out: the
 * output, every parameter's gradient and, for row-sparse parameters, the rows marked as touched.
 *
 * <p>The loss back-propagated is {@code sum(output * W)} with a fixed random W (as in
 * {@link GradientCheck}), so every output entry contributes with its own weight.
 */
final class Parity {

    static final AutodiffEngine TAPE = Engines.byName("tape");
    static final AutodiffEngine DJL = Engines.byName(DjlEngine.NAME);

    /**
     * Entries agree when {@code |djl - tape| <= TOLERANCE * max(1, |tape|)}. Both engines compute in
     * double precision (unit round-off 1.1e-16); they differ only in summation order (PyTorch's
     * blocked matrix products and reductions), in a few ulps between Java's and PyTorch's
     * vectorised exp/log/tanh, and in StableFunctions' log1p (a few ulps). Over the tens of ops in
     * these models that stays below 1e-14; 1e-12 leaves a wide margin yet fails any wrong formula,
     * broadcast or index by many orders of magnitude.
     */
    static final double TOLERANCE = 1e-12;

    /** A model's forward pass, with its parameters already in a store. */
    @FunctionalInterface
    interface Model {
        Var forward(Graph g);
    }

    /** Builds the model's parameters into the store (identically for every engine) and returns it. */
    @FunctionalInterface
    interface Builder {
        Model build(ParameterStore store);
    }

    /** What one engine produced. */
    record Snapshot(Tensor output, Map<String, double[]> grads, Map<String, int[]> touchedRows) {
    }

    private Parity() {
    }

    static Snapshot run(AutodiffEngine engine, Builder builder, long seed) {
        ParameterStore store = new ParameterStore();
        Model model = builder.build(store);
        Tensor output;
        try (Graph g = engine.open()) {
            Var y = model.forward(g);
            output = y.value().copy();
            Tensor w = GradientCheck.randomLike(y.shape(), RandomStreams.create(seed, "loss weights"));
            g.backward(g.sum(g.mul(y, g.constant(w))));
        }
        Map<String, double[]> grads = new LinkedHashMap<>();
        Map<String, int[]> touched = new LinkedHashMap<>();
        for (Parameter p : store.all()) {
            grads.put(p.name(), p.grad().clone());
            touched.put(p.name(), p.touchedRows());
        }
        return new Snapshot(output, grads, touched);
    }

    /** Runs the model on both engines and asserts that they agree. */
    static void assertEnginesAgree(String what, Builder builder, long seed) {
        Snapshot tape = run(TAPE, builder, seed);
        Snapshot djl = run(DJL, builder, seed);
        assertThat(djl.output().shape()).as("%s: output shape", what).containsExactly(tape.output().shape());
        assertClose(what + ": output", tape.output().data(), djl.output().data());
        assertThat(djl.grads().keySet()).containsExactlyElementsOf(tape.grads().keySet());
        for (String name : tape.grads().keySet()) {
            assertClose(what + ": gradient of " + name, tape.grads().get(name), djl.grads().get(name));
            assertThat(djl.touchedRows().get(name)).as("%s: rows of %s marked touched", what, name)
                    .containsExactly(tape.touchedRows().get(name));
        }
    }

    static void assertClose(String what, double[] tape, double[] djl) {
        CloseArrays.check(what + " (djl against tape)", tape, djl, TOLERANCE);
    }
}
