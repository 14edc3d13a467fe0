package org.hdbn.examples.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hdbn.autodiff.Engines;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.hdbn.graph.SpecException;
import org.hdbn.graph.SpecMapper;
import org.hdbn.optim.AdamSpec;
import org.hdbn.optim.SgdSpec;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.ModelTrainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optimizer is chosen in the training section of a spec. */
class OptimizerSpecTest {

    @TempDir
    Path dir;

    private ModelSpec spec(String optimizer) throws Exception {
        return spec(0.05, optimizer);
    }

    private ModelSpec spec(double learningRate, String optimizer) throws Exception {
        Path file = dir.resolve("bprmf-opt.json");
        Files.writeString(file, """
                {"extends": "bprmf", "name": "bprmf-opt",
                 "training": {"learningRate": %s, "decayRate": 1.0, "decaySteps": 1000, %s
                              "stages": [{"name": "train", "epochs": 5}]}}
                """.formatted(learningRate, optimizer));
        return ModelSpec.read(new SpecMapper(), file);
    }

    private List<Double> epochLosses(ModelSpec spec) {
        Path data = dir.resolve("data");
        if (!Files.isDirectory(data)) {
            // planted structure: users prefer their group's songs
            SyntheticEmoMusic.generate(new SyntheticEmoMusic.Config(150, 60, 6, 6, 3, 25, 0.1, 5L), data);
        }
        EmoMusicDataset loaded = EmoMusicLoader.load(data);
        return new ModelTrainer().train(spec, loaded,
                new ModelTrainer.Options(2, Engines.byName("tape"), null, null, 0, null, 0, null, 1)).info().epochLosses();
    }

    @Test
    void sgdWithMomentumFromASpecTrains() throws Exception {
        // a mean loss gives each embedding row a small gradient: plain SGD needs a larger rate than Adam
        ModelSpec sgd = spec(10, "\"optimizer\": {\"type\": \"sgd\", \"momentum\": 0.9},");
        assertThat(sgd.training().optimizerSpec()).isEqualTo(new SgdSpec(0.9));
        List<Double> losses = epochLosses(sgd);
        System.out.println("SGD (momentum 0.9) epoch losses: " + losses);
        assertThat(losses.get(losses.size() - 1)).as("last epoch's loss against the first's").isLessThan(0.9 * losses.get(0));
        // the field is what chose it: without momentum the same seed gives other losses
        List<Double> plain = epochLosses(spec(10, "\"optimizer\": {\"type\": \"sgd\"},"));
        System.out.println("SGD (no momentum) epoch losses: " + plain);
        assertThat(plain).isNotEqualTo(losses);
    }

    @Test
    void withoutTheFieldTheOptimizerIsTodaysAdam() throws Exception {
        ModelSpec plain = spec("");
        assertThat(plain.training().optimizer()).isNull();
        assertThat(plain.training().optimizerSpec()).isEqualTo(new AdamSpec(0.9, 0.999, 1e-8));
        // naming the defaults gives the same numbers
        assertThat(epochLosses(spec("\"optimizer\": {\"type\": \"adam\"},"))).isEqualTo(epochLosses(plain));
    }

    @Test
    void aMisspelledOptimizerTypeIsRefusedWithTheNearestName() {
        assertThatThrownBy(() -> spec("\"optimizer\": {\"type\": \"sgdd\", \"momentum\": 0.9},"))
                .isInstanceOf(SpecException.class).hasMessageContaining("unknown OptimizerSpec type 'sgdd'")
                .hasMessageContaining("did you mean 'sgd'");
        assertThatThrownBy(() -> spec("\"optimizer\": {\"type\": \"sgd\", \"momentum\": 1.5},"))
                .isInstanceOf(SpecException.class).hasMessageContaining("momentum");
    }
}
