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

/**
 * The set-up of the tests that compare two training runs bit for bit: the default HDBN spec for one
 * epoch, on a generated set of several 512-row steps, and the parameters a seeded run trains.
 */
final class OneEpochHdbn {

    private OneEpochHdbn() {
    }

    /** A generated set of 250 users and 80 songs, written to and loaded from {@code dir}. */
    static EmoMusicDataset data(Path dir) {
        SyntheticEmoMusic.generate(new SyntheticEmoMusic.Config(250, 80, 12, 6, 4, 9, 0.1, 5L), dir);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        assertThat(data.train().size()).as("positives: several steps of 512").isGreaterThan(1024);
        return data;
    }

    /** The built-in {@code hdbn} spec with one epoch. */
    static ModelSpec spec() {
        ModelSpec spec = ModelSpec.builtIn(new SpecMapper(), "hdbn");
        return spec.withTraining(spec.training().withFinalEpochs(1));
    }

    /** Every parameter's values after a run of the spec with seed 9 on the given threads, in store order. */
    static List<double[]> trainedParameters(ModelSpec spec, EmoMusicDataset data, int threads) {
        return trainedParameters(spec, data, threads, "tape");
    }

    /** {@link #trainedParameters(ModelSpec, EmoMusicDataset, int)} on the engine of that name. */
    static List<double[]> trainedParameters(ModelSpec spec, EmoMusicDataset data, int threads, String engine) {
        var model = new ModelTrainer().train(spec, data,
                new ModelTrainer.Options(9, Engines.byName(engine), null, null, 0, null, 0, null, threads));
        List<double[]> values = new ArrayList<>();
        for (Parameter p : model.store().all()) {
            values.add(p.value().data().clone());
        }
        return values;
    }

    /** The two runs' parameters are the same, bit for bit. */
    static void assertSameBits(List<double[]> expected, List<double[]> actual, String what) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
            assertThat(actual.get(k)).as("parameter %d, %s", k, what).isEqualTo(expected.get(k));
        }
    }
}
