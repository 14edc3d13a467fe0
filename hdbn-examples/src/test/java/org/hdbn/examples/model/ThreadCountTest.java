package org.hdbn.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hdbn.autodiff.Engines;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.hdbn.graph.SpecMapper;
import org.hdbn.param.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HDBN reference model (Gaussian latents, gated Bayesian experts, BPR) trained with one and
 * with two threads: a seeded run must give the same parameters to the last bit.
 */
class ThreadCountTest {

    @TempDir
    Path dir;

    @Test
    void oneAndTwoThreadsTrainTheSameHdbnBitForBit() {
        SyntheticEmoMusic.generate(new SyntheticEmoMusic.Config(250, 80, 12, 6, 4, 9, 0.1, 5L), dir);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        ModelSpec spec = ModelSpec.builtIn(new SpecMapper(), "hdbn");
        spec = spec.withTraining(spec.training().withFinalEpochs(1));
        assertThat(data.train().size()).as("positives: several steps of 512").isGreaterThan(1024);
        List<double[]> one = train(spec, data, 1);
        List<double[]> two = train(spec, data, 2);
        assertThat(two).hasSameSizeAs(one);
        for (int k = 0; k < one.size(); k++) {
            assertThat(two.get(k)).as("parameter %d", k).isEqualTo(one.get(k));
        }
    }

    private static List<double[]> train(ModelSpec spec, EmoMusicDataset data, int threads) {
        TrainedModel m = new ModelTrainer().train(spec, data,
                new ModelTrainer.Options(9, Engines.byName("tape"), null, null, 0, null, 0, null, threads));
        List<double[]> values = new ArrayList<>();
        for (Parameter p : m.store().all()) {
            values.add(p.value().data().clone());
        }
        return values;
    }
}
