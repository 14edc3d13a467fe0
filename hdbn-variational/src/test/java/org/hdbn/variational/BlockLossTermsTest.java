package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Graph;
import org.hdbn.gate.FixedGate;
import org.hdbn.graph.Batch;
import org.hdbn.graph.BatchShard;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.GraphSpec;
import org.hdbn.graph.LossKind;
import org.hdbn.graph.LossTerm;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.KlRegistry;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.GradientCheck;
import org.hdbn.variational.bayes.BayesianMlp;
import org.junit.jupiter.api.Test;

/**
 * A Bayesian network reports its weight KL to the pass it runs in, whichever node holds it: a
 * latent node's encoder, a {@code block}, the experts of {@code gated_experts}.
 */
class BlockLossTermsTest {

    static final String LATENT = Models.json("""
            {'formatVersion': 1, 'inputs': {'x': 'features'}, 'featureWidths': {'x': 3},
             'nodes': {'z': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 2,
                             'encoder': {'type': 'bayesian_mlp', 'hidden': [4], 'activation': 'tanh',
                                         'posteriorRhoInit': -2, 'klWeight': 0.5, 'datasetSize': 10},
                             'klWeight': 0.1}}}
            """);

    static final Tensor X = Normal.standardNormal(new int[] {5, 3}, RandomStreams.create(3, "x"));

    @Test
    void aBayesianEncoderInALatentNodeAddsItsWeightKlToTheLoss() {
        ParameterStore store = new ParameterStore();
        ModelGraph model = Models.build(Models.read(LATENT), store, 7, Map.of());
        Batch batch = new Batch(Map.of(), Map.of("x", X));
        try (Graph g = Models.ENGINE.openInference()) {
            ForwardResult r = model.forward(g, batch, ForwardMode.train(RandomStreams.create(1)), List.of());
            assertThat(r.losses()).extracting(LossTerm::name).containsExactlyInAnyOrder("z/weight_kl", "z/kl");
            LossTerm weights = r.losses().stream().filter(t -> t.name().equals("z/weight_kl")).findFirst().orElseThrow();
            assertThat(weights.kind()).isEqualTo(LossKind.KL);
            assertThat(weights.weight()).isEqualTo(0.5 / 10);
            assertThat(weights.share()).isEqualTo(1.0);
            // the encoder's own parameters, read back as a network, give the same KL
            BayesianMlp same = new BayesianMlp(store, "z/encoder", 3, new int[] {4}, 4,
                    org.hdbn.nn.Activation.TANH, org.hdbn.nn.Activation.IDENTITY,
                    new org.hdbn.variational.nodes.BayesianMlpBlockSpec(List.of(4), null, null, null, null, -2.0, null,
                            null, null, null, null).config(), RandomStreams.create(0));
            assertThat(weights.value().value().item())
                    .isCloseTo(same.kl(g, KlRegistry.withDefaults(), null).value().item(), within(1e-12));
            assertThat(weights.value().value().item()).isPositive();
            // passes that do not train collect nothing
            assertThat(model.forward(g, batch, ForwardMode.sampling(RandomStreams.create(2)), List.of()).losses())
                    .isEmpty();
        }
    }

    @Test
    void theCombinedLossOfALatentNodeWithABayesianEncoderHasExactGradients() {
        ParameterStore store = new ParameterStore();
        ModelGraph model = Models.build(Models.read(LATENT), store, 7, Map.of());
        Batch batch = new Batch(Map.of(), Map.of("x", X));
        // a training pass at the means: every term is collected and the loss is a fixed function of the parameters
        ForwardMode atMeans = new ForwardMode(true, false, RandomStreams.create(4));
        double err = GradientCheck.maxError(Models.ENGINE, List.copyOf(store.all()),
                (g, in) -> model.forward(g, batch, atMeans, List.of()).totalLoss(g), RandomStreams.create(5));
        assertThat(err).isLessThan(1e-6);
        // and the weight KL is part of it: the encoder's rho get gradient from nothing else at the means
        try (Graph g = Models.ENGINE.open()) {
            g.backward(model.forward(g, batch, atMeans, List.of()).totalLoss(g));
        }
        assertThat(store.get("z/encoder/layer0/weight_rho").grad()).isNotEqualTo(new double[12]);
    }

    // entities 0..5 in groups 2, 0, 2, 1, 0, 2; group 3 has nobody in the batch
    static final FixedGate GATE = new FixedGate(new int[] {2, 0, 2, 1, 0, 2, 3});
    static final int[] ENTITIES = {0, 1, 2, 3, 4, 5};

    static final String EXPERTS = Models.json("""
            {'formatVersion': 1, 'inputs': {'user': 'index'},
             'nodes': {
               'u': {'type': 'embedding', 'input': 'user', 'rows': 7, 'dim': 3},
               'moods': {'type': 'gated_experts', 'input': 'u', 'entity': 'user', 'out': 4,
                         'expert': {'type': 'bayesian_mlp', 'hidden': [5], 'outputActivation': 'softmax',
                                    'datasetSize': 100}}
             }}
            """);

    private static ModelGraph experts(ParameterStore store) {
        GraphSpec spec = Models.read(EXPERTS);
        assertThat(Models.read(Models.MAPPER.write(spec))).isEqualTo(spec);
        return ModelGraph.build(spec, new BuildContext(store, 1, Map.of(), Map.of(), Map.of("user_group", GATE)),
                KlRegistry.withDefaults());
    }

    @Test
    void gatedExpertsAddTheKlOfTheExpertsTheBatchRan() {
        ModelGraph model = experts(new ParameterStore());
        try (Graph g = Models.ENGINE.open()) {
            ForwardResult r = model.forward(g, Batch.ofIndices(Map.of("user", new int[] {1, 3, 4})),
                    ForwardMode.train(RandomStreams.create(2)), List.of());
            // entities 1 and 4 are in group 0, 3 in group 1: two experts ran, two KL terms
            assertThat(r.losses()).extracting(LossTerm::name).containsExactly("moods/weight_kl", "moods/weight_kl");
            assertThat(r.losses()).allSatisfy(t -> assertThat(t.weight()).isEqualTo(0.01));
            for (double s : g.sum(r.value("moods"), 1).value().data()) {
                assertThat(s).isCloseTo(1.0, within(1e-12));
            }
        }
    }

    @Test
    void aSplitBatchAddsEachExpertsKlOnceAcrossItsShards() {
        ModelGraph model = experts(new ParameterStore());
        // groups 2, 0, 2, 1, 0, 2: three experts ran, so three KL terms in all, whichever the split
        Batch whole = Batch.ofIndices(Map.of("user", ENTITIES));
        ForwardMode means = new ForwardMode(true, false, RandomStreams.create(3));
        double expected;
        try (Graph g = Models.ENGINE.open()) {
            ForwardResult r = model.forward(g, whole, means, List.of());
            assertThat(r.losses()).hasSize(3);
            expected = r.totalLoss(g).value().item();
        }
        for (int shards : new int[] {2, 3, 6}) {
            double total = 0;
            List<String> terms = new ArrayList<>();
            for (int s = 0; s < shards; s++) {
                int from = ENTITIES.length * s / shards;
                int to = ENTITIES.length * (s + 1) / shards;
                Batch part = Batch.ofIndices(Map.of("user", Arrays.copyOfRange(ENTITIES, from, to)));
                try (Graph g = Models.ENGINE.open()) {
                    ForwardResult r = model.forward(g, part, means, List.of(),
                            new BatchShard(s, shards, from, to, whole, ENTITIES.length));
                    r.losses().forEach(t -> terms.add(t.name()));
                    total += r.losses().isEmpty() ? 0 : r.totalLoss(g).value().item();
                }
            }
            assertThat(terms).as("%d shards", shards).hasSize(3);
            assertThat(total).as("%d shards", shards).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void aBayesianNetworkCalledOutsideAModelPassReportsNothing() {
        ParameterStore store = new ParameterStore();
        BayesianMlp net = new BayesianMlp(store, "n", 3, new int[] {2}, 1, org.hdbn.nn.Activation.RELU,
                org.hdbn.nn.Activation.IDENTITY, org.hdbn.variational.bayes.BayesianLayerConfig.defaults(),
                RandomStreams.create(1));
        try (Graph g = Models.ENGINE.openInference()) {
            // the bare mode's sink keeps nothing, so a standalone call has no loss to lose
            ForwardMode bare = ForwardMode.train(RandomStreams.create(2));
            assertThat(bare.losses().keepsBatchTerms()).isFalse();
            assertThat(net.forward(g, g.constant(X), bare).shape()).containsExactly(5, 1);
        }
        for (Parameter p : store.all()) {
            assertThat(p.grad()).containsOnly(0.0);
        }
    }
}
