package org.hdbn.examples.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.ModelEvaluator;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.ModelTrainer;
import org.hdbn.run.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single-precision tape ({@code tape-f32}: every value and gradient of the tape in float,
 * parameters and optimizer state in double)
 * against the double-precision tape on a short HDBN training run from the same seed: the final
 * validation metrics agree within {@value #NDCG_TOLERANCE} NDCG@10 and HR@10 within
 * {@value #HR_TOLERANCE}, under both protocols, and the float run really is a different run (its
 * loss differs in the last bits), so the test could fail.
 */
class SinglePrecisionParityTest {

    /** The target for the float option: final NDCG@10 within 0.002 of double. */
    static final double NDCG_TOLERANCE = 0.002;
    /** Hit rates move in steps of one triple in a few hundred. */
    static final double HR_TOLERANCE = 0.005;

    @TempDir
    Path dir;

    @Test
    void floatTapeTrainsToTheSameMetricsAsDouble() {
        SyntheticEmoMusic.generate(new SyntheticEmoMusic.Config(600, 200, 12, 6, 4, 12, 0.1, 11L), dir);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        ModelSpec spec = ModelSpec.builtIn(new SpecMapper(), "hdbn");
        spec = spec.withTraining(spec.training().withFinalEpochs(3));
        TrainedModel d = train(spec, data, Engines.byName("tape"));
        TrainedModel f = train(spec, data, Engines.byName("tape-f32"));
        assertThat(f.store().all().iterator().next().value().data())
                .as("the float run computes differently").isNotEqualTo(d.store().all().iterator().next().value().data());
        EvaluationResult rd = new ModelEvaluator(Engines.byName("tape"), 0, 3).evaluate(d, data, data.validation());
        EvaluationResult rf = new ModelEvaluator(Engines.byName("tape"), 0, 3).evaluate(f, data, data.validation());
        for (Protocol p : Protocol.values()) {
            assertThat(rf.metrics(p).mean("NDCG@10")).as("%s NDCG@10", p)
                    .isCloseTo(rd.metrics(p).mean("NDCG@10"), within(NDCG_TOLERANCE));
            assertThat(rf.metrics(p).mean("HR@10")).as("%s HR@10", p)
                    .isCloseTo(rd.metrics(p).mean("HR@10"), within(HR_TOLERANCE));
        }
    }

    private static TrainedModel train(ModelSpec spec, EmoMusicDataset data, AutodiffEngine engine) {
        return new ModelTrainer().train(spec, data, new ModelTrainer.Options(9, engine, null, null, 0, null, 0, null, 2));
    }
}
