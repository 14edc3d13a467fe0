package org.example.hdbn.mixture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.GraphSpec;
import org.hdbn.graph.LossTerm;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecMapper;
import org.hdbn.nn.ForwardMode;
import org.hdbn.optim.Adam;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.random.RandomStreams;
import org.junit.jupiter.api.Test;

/**
 * The spec type as hdbn sees it: found through ServiceLoader, read from JSON, built into a latent
 * node with the documented parameter names, and trained: the KL term falls.
 */
class MixturePriorSpecTest {

    static GraphSpec read(SpecMapper mapper) throws Exception {
        try (InputStream in = MixturePriorSpecTest.class.getResourceAsStream("/led-mixture.json")) {
            return mapper.read("led-mixture.json", in, GraphSpec.class);
        }
    }

    @Test
    void specTypeIsRegisteredAndRoundTrips() throws Exception {
        SpecMapper mapper = new SpecMapper();
        assertTrue(mapper.typeNames(org.hdbn.variational.latent.LatentPriorSpec.class).contains("gaussian_mixture"));
        GraphSpec spec = read(mapper);
        GraphSpec again = mapper.read("written", new java.io.ByteArrayInputStream(
                mapper.write(spec).getBytes(java.nio.charset.StandardCharsets.UTF_8)), GraphSpec.class);
        assertEquals(spec, again);
    }

    @Test
    void trainingLowersTheKlToTheMixture() throws Exception {
        ParameterStore store = new ParameterStore();
        BuildContext ctx = new BuildContext(store, 3, Map.of("users", 20), Map.of(), Map.of());
        ModelGraph graph = ModelGraph.build(read(new SpecMapper()), ctx, KlRegistry.withInstalled());
        for (String name : List.of("led/prior_logits", "led/prior_mean_0", "led/prior_rho_2")) {
            assertTrue(store.contains(name), name);
        }
        Batch batch = Batch.ofIndices(Map.of("user", new int[] {0, 1, 2, 3, 4, 5, 6, 7}));
        Adam adam = new Adam(LearningRateSchedule.constant(0.05));
        UniformRandomProvider rng = RandomStreams.create(3, "train");
        double first = Double.NaN;
        double last = Double.NaN;
        for (int step = 0; step < 60; step++) {
            try (Graph g = Engines.byName("tape").open()) {
                ForwardResult r = graph.forward(g, batch, ForwardMode.train(rng), List.of());
                LossTerm kl = r.losses().get(0);
                assertEquals("led/kl", kl.name());
                last = kl.value().value().item();
                first = step == 0 ? last : first;
                g.backward(r.totalLoss(g));
            }
            adam.step(store.all());
        }
        assertTrue(Double.isFinite(last) && last < 0.5 * first, "KL from " + first + " to " + last);
    }
}
