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
import org.hdbn.run.ModelSpec;
import org.hdbn.run.ModelTrainer;
import org.hdbn.run.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HDBN reference model (Gaussian latents, gated Bayesian experts, BPR) trained with one and
 * with more threads: a seeded run must give the same parameters to the last bit, whatever the
 * thread count, for the default 2 shards and for more shards than threads.
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
        assertSameBits(train(spec, data, 1), train(spec, data, 2), "2 shards, 1 and 2 threads");
    }

    @Test
    void anyThreadCountTrainsTheSameHdbnBitForBitWithFiveShards() {
        SyntheticEmoMusic.generate(new SyntheticEmoMusic.Config(250, 80, 12, 6, 4, 9, 0.1, 5L), dir);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        ModelSpec spec = ModelSpec.builtIn(new SpecMapper(), "hdbn");
        spec = spec.withTraining(spec.training().withFinalEpochs(1).withShards(5));
        List<double[]> one = train(spec, data, 1);
        assertSameBits(one, train(spec, data, 2), "5 shards, 1 and 2 threads");
        assertSameBits(one, train(spec, data, 5), "5 shards, 1 and 5 threads");
    }

    private static void assertSameBits(List<double[]> expected, List<double[]> actual, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(actual.get(k)).as("parameter %d, %s", k, what).isEqualTo(expected.get(k));
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
