package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
import org.hdbn.graph.nodes.BlockNodeSpec;
import org.hdbn.nn.ForwardMode;
import org.hdbn.optim.Adam;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.variational.elbo.Elbo;
import org.hdbn.variational.elbo.LinearWarmupKl;
import org.hdbn.variational.latent.GaussianLatentSpec;
import org.hdbn.variational.latent.StandardNormalPriorSpec;
import org.hdbn.variational.nodes.BayesianMlpBlockSpec;
import org.hdbn.variational.predict.McPrediction;
import org.hdbn.variational.predict.McPredictor;
import org.junit.jupiter.api.Test;

/** Runs the example of docs/composing-variants.md: the spec, the two variants, a training step and MC prediction. */
class ComposingVariantsTest {

    @Test
    void theDocumentedExampleRuns() throws Exception {
        SpecMapper mapper = new SpecMapper();
        GraphSpec base;
        try (InputStream in = getClass().getResourceAsStream("/examples/led-bnn.json")) {
            base = mapper.read("led-bnn.json", in, GraphSpec.class);
        }
        // variant 1: the posterior LED against a standard normal instead of the personalised prior
        GaussianLatentSpec posterior = (GaussianLatentSpec) base.nodes().get("posterior_led");
        GraphSpec unconditional = base.withNode("posterior_led", posterior.withPrior(new StandardNormalPriorSpec(), 0.05));
        // variant 2: the paper's "deterministic NN instead of BNN" ablation
        BlockNodeSpec bnn = (BlockNodeSpec) base.nodes().get("mood_pref");
        BayesianMlpBlockSpec net = (BayesianMlpBlockSpec) bnn.block();
        GraphSpec deterministic = base.withNode("mood_pref", bnn.withBlock(net.withDeterministic(true)));

        // the JSON edit gives the same spec as the Java edit
        String edited = mapper.write(base).replace("\"deterministic\" : false", "\"deterministic\" : true");
        assertThat(mapper.read("edited", new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)),
                GraphSpec.class)).isEqualTo(deterministic);

        for (GraphSpec variant : List.of(base, unconditional, deterministic)) {
            AutodiffEngine engine = Engines.byName("tape");
            ParameterStore store = new ParameterStore();
            BuildContext ctx = new BuildContext(store, 42, Map.of("users", 20, "emotions", 6, "examples", 500),
                    Map.of(), Map.of());
            ModelGraph model = ModelGraph.build(variant, ctx, KlRegistry.withDefaults());
            Batch batch = new Batch(Map.of("user", new int[] {0, 3, 7}, "emotion", new int[] {1, 1, 5}),
                    Map.of("mood", softmaxRows(Normal.standardNormal(new int[] {3, 9}, RandomStreams.create(1)))));

            Elbo elbo = new Elbo(LinearWarmupKl.of(1.0, 2000));
            Adam adam = new Adam(LearningRateSchedule.staircaseExponential(0.05, 0.99, 1024));
            UniformRandomProvider rng = RandomStreams.create(42, "train");
            try (Graph g = engine.open()) {
                ForwardResult r = model.forward(g, batch, ForwardMode.train(rng), List.of());
                g.backward(elbo.loss(g, r, adam.steps()));
            }
            adam.step(store.all());

            McPrediction p = new McPredictor(engine, 20, 0.05, 0.95)
                    .predict(model, batch, "mood_pref", RandomStreams.create(42, "predict"));
            assertThat(p.mean().shape()).containsExactly(3, 9);
            boolean noSpread = Arrays.stream(p.variance().data()).allMatch(v -> v == 0);
            // only the deterministic variant's mood network is free of weight noise; its input is
            // still a latent draw, so every variant has predictive spread
            assertThat(noSpread).isFalse();
        }
    }

    private static Tensor softmaxRows(Tensor t) {
        double[] d = t.data();
        for (int r = 0; r < t.rows(); r++) {
            double sum = 0;
            for (int c = 0; c < t.cols(); c++) {
                d[r * t.cols() + c] = Math.exp(d[r * t.cols() + c]);
                sum += d[r * t.cols() + c];
            }
            for (int c = 0; c < t.cols(); c++) {
                d[r * t.cols() + c] /= sum;
            }
        }
        return t;
    }
}
