package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.LossKind;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.optim.Adam;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.train.LossWeighting;
import org.hdbn.train.Trainer;
import org.hdbn.variational.elbo.Elbo;
import org.hdbn.variational.elbo.KlWeightSchedule;
import org.hdbn.variational.elbo.LinearWarmupKl;
import org.junit.jupiter.api.Test;

/** The trainer minimises the {@link Elbo} it is given: one weighting of the terms, one path. */
class ElboTrainerTest {

    static final String SPEC = Models.json("""
            {'formatVersion': 1, 'inputs': {'x': 'features', 'y': 'features'}, 'featureWidths': {'x': 3, 'y': 1},
             'nodes': {'z': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 2, 'klWeight': 0.5,
                             'encoder': {'type': 'mlp', 'hidden': [4]},
                             'decoder': {'type': 'mlp', 'hidden': [4]}, 'reconstruct': ['x'], 'reconWeight': 0.1},
                       'f': {'type': 'block', 'inputs': ['z'], 'out': 1,
                             'block': {'type': 'bayesian_mlp', 'hidden': [4], 'datasetSize': 50}},
                       'lik': {'type': 'gaussian_likelihood', 'prediction': 'f', 'target': 'y', 'noiseScale': 0.5}}}
            """);
    static final int STEPS = 6;
    static final KlWeightSchedule WARMUP = LinearWarmupKl.of(1.0, 4);

    static Batch batch() {
        return new Batch(Map.of(), Map.of("x", Normal.standardNormal(new int[] {8, 3}, RandomStreams.create(1, "x")),
                "y", Normal.standardNormal(new int[] {8, 1}, RandomStreams.create(1, "y"))));
    }

    /** The parameters after {@link #STEPS} trainer steps with the given objective. */
    static List<double[]> trained(LossWeighting objective) {
        ParameterStore store = new ParameterStore();
        ModelGraph model = Models.build(Models.read(SPEC), store, 3, Map.of());
        Trainer trainer = new Trainer(model, store, Models.ENGINE,
                new Adam(LearningRateSchedule.staircaseExponential(0.05, 0.9, 2)), Double.POSITIVE_INFINITY, objective);
        UniformRandomProvider rng = RandomStreams.create(3, "train");
        for (int s = 0; s < STEPS; s++) {
            trainer.step(batch(), List.of(), rng);
        }
        return values(store);
    }

    static List<double[]> values(ParameterStore store) {
        List<double[]> out = new ArrayList<>();
        for (Parameter p : store.all()) {
            out.add(p.value().data().clone());
        }
        return out;
    }

    @Test
    void theTrainerWithAnElboStepsAsTheElbosOwnLossDoes() {
        Elbo elbo = new Elbo(WARMUP);
        ParameterStore store = new ParameterStore();
        ModelGraph model = Models.build(Models.read(SPEC), store, 3, Map.of());
        Adam adam = new Adam(LearningRateSchedule.staircaseExponential(0.05, 0.9, 2));
        UniformRandomProvider rng = RandomStreams.create(3, "train");
        for (int s = 0; s < STEPS; s++) {
            try (Graph g = Models.ENGINE.open()) {
                ForwardResult r = model.forward(g, batch(), ForwardMode.train(rng), List.of());
                g.backward(elbo.loss(g, r, adam.steps()));
            }
            adam.step(store.all());
            store.zeroGrads();
        }
        assertThat(trained(elbo)).containsExactlyElementsOf(values(store));
    }

    @Test
    void theElboGivesTheSameParametersAsTheKlScheduleWeightingItReplaced() {
        // how the trainer weighted the terms before it was given the ELBO: the schedule on KL terms only
        LossWeighting former = (term, step) -> term.kind() == LossKind.KL ? WARMUP.weight(step) : 1.0;
        assertThat(trained(new Elbo(WARMUP))).containsExactlyElementsOf(trained(former));
        // and with no schedule, the plain ELBO is the plain sum of the weighted terms
        assertThat(trained(Elbo.standard())).containsExactlyElementsOf(trained(LossWeighting.none()));
        // the warm-up does change the result: the comparison can fail
        assertThat(trained(new Elbo(WARMUP)).get(0)).isNotEqualTo(trained(Elbo.standard()).get(0));
    }
}
