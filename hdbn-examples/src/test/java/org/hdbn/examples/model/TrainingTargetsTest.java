package org.hdbn.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.StageSpec;
import org.hdbn.run.TrainingSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Training leaves out the score terms that only rank: the default spec's {@code item_item} and
 * {@code play_count} nodes are not computed in a training step, and the parameters come out the
 * same, bit for bit, as when every node runs.
 */
class TrainingTargetsTest {

    @TempDir
    Path dir;

    @Test
    void scoreTermsNoNodeReadsAreLeftOutOfTraining() {
        ModelSpec spec = ModelSpec.builtIn(new SpecMapper(), "hdbn");
        List<String> targets = spec.trainingTargets(spec.training().stages().get(0));
        assertThat(spec.terms()).contains("history", "item_item", "play_count");
        // the bpr node reads the history term, so it trains; the other two only rank
        assertThat(targets).contains("history", "bpr", "l2", "mood_preference").doesNotContain("item_item", "play_count");
        assertThat(targets).hasSize(spec.graph().nodes().size() - 2);
        // the graph a training copy is built from has exactly these nodes, in the spec's order
        assertThat(spec.trainingGraph().nodes().keySet()).containsExactlyElementsOf(targets);
    }

    @Test
    void leavingThemOutTrainsTheSameParametersAsRunningEveryNode() {
        EmoMusicDataset data = OneEpochHdbn.data(dir);
        ModelSpec spec = OneEpochHdbn.spec();
        // a stage naming every node runs them all, the score terms included
        TrainingSpec t = spec.training();
        StageSpec all = new StageSpec("train", 1, List.copyOf(spec.graph().nodes().keySet()), List.of());
        ModelSpec everyNode = spec.withTraining(new TrainingSpec(t.batchSize(), t.negatives(), t.learningRate(),
                t.decayRate(), t.decaySteps(), t.clipNorm(), t.groupBatches(), t.klSchedule(), List.of(all), t.shards(),
                t.negativeSampling(), t.optimizer()));
        assertThat(everyNode.trainingTargets(all)).contains("item_item", "play_count");

        OneEpochHdbn.assertSameBits(OneEpochHdbn.trainedParameters(everyNode, data, 2),
                OneEpochHdbn.trainedParameters(spec, data, 2), "score terms left out and every node run");
    }
}
