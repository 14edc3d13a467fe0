package org.hdbn.variational;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.GraphSpec;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecMapper;
import org.hdbn.nn.ForwardMode;
import org.hdbn.optim.Optimizer;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.variational.elbo.Elbo;

/** Test helpers: a model from JSON text, and a plain training loop on the ELBO. */
final class Models {

    static final AutodiffEngine ENGINE = Engines.byName("tape");
    static final SpecMapper MAPPER = new SpecMapper();

    private Models() {
    }

    /** JSON written with single quotes for readability in tests. */
    static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static GraphSpec read(String json) {
        return MAPPER.read("test spec", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), GraphSpec.class);
    }

    static ModelGraph build(GraphSpec spec, ParameterStore store, long seed, Map<String, Integer> dims) {
        BuildContext ctx = new BuildContext(store, seed, dims, Map.of(), Map.of());
        return ModelGraph.build(spec, ctx, KlRegistry.withDefaults());
    }

    /** Full-batch ELBO training: each step one pass, backward, one optimizer step. */
    static void train(ModelGraph model, ParameterStore store, Batch batch, Elbo elbo, Optimizer opt, int steps,
            UniformRandomProvider rng, StepListener listener) {
        ForwardMode mode = ForwardMode.train(rng);
        for (int step = 0; step < steps; step++) {
            store.zeroGrads();
            try (Graph g = ENGINE.open()) {
                ForwardResult r = model.forward(g, batch, mode, List.of());
                g.backward(elbo.loss(g, r, opt.steps()));
            }
            opt.step(store.all());
            listener.after(step);
        }
    }

    @FunctionalInterface
    interface StepListener {
        void after(int step);
    }
}
