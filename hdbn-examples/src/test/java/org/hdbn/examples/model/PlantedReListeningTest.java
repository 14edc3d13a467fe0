package org.hdbn.examples.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.hdbn.autodiff.Engines;
import org.hdbn.data.Interactions;
import org.hdbn.eval.Protocol;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.hdbn.graph.SpecMapper;
import org.hdbn.random.RandomStreams;
import org.hdbn.run.ModelEvaluator;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.ModelTrainer;
import org.hdbn.run.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Planted structure: generated data where each user replays one own song per emotion tag (the
 * tag decides which known song comes back). The default spec, whose history term reaches the
 * user's own (song, emotion) events, must rank better under the true emotions than under a seeded
 * shuffle of them (a positive emotion gain under the full protocol); the paper graph, whose score
 * is a dot product, must gain far less.
 */
class PlantedReListeningTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultSpecRecoversWhichKnownSongTheEmotionBringsBack() {
        SyntheticEmoMusic.generate(new SyntheticEmoMusic.Config(200, 80, 6, 6, 2, 30, 0.15, 3L).withRelisten(0.5), dir);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        double gainDefault = emotionGain(data, "hdbn");
        double gainPaper = emotionGain(data, "hdbn-paper");
        System.out.printf("planted re-listening: emotion gain hdbn %.4f, hdbn-paper %.4f%n", gainDefault, gainPaper);
        assertThat(gainDefault).as("full NDCG@10 gain of the default spec").isGreaterThan(0.1);
        assertThat(gainDefault).as("against the paper graph's gain").isGreaterThan(gainPaper + 0.1);
    }

    /** Full-protocol NDCG@10 under the true emotions minus under a seeded permutation of them. */
    private static double emotionGain(EmoMusicDataset data, String specName) {
        ModelSpec spec = ModelSpec.builtIn(new SpecMapper(), specName);
        spec = spec.withTraining(spec.training().withFinalEpochs(6));
        TrainedModel model = new ModelTrainer().train(spec, data,
                new ModelTrainer.Options(4, Engines.byName("tape"), null, null, 0, null, 0, null, 1));
        Interactions val = data.validation();
        int[] order = PermutationSampler.natural(val.size());
        PermutationSampler.shuffle(RandomStreams.create(11, "shuffle"), order);
        int[] shuffled = new int[val.size()];
        for (int r = 0; r < shuffled.length; r++) {
            shuffled[r] = val.contexts()[order[r]];
        }
        ModelEvaluator evaluator = new ModelEvaluator(Engines.byName("tape"), 0, 4, 1);
        double truth = evaluator.evaluate(model, data, val).metrics(Protocol.FULL).mean("NDCG@10");
        double shuffledNdcg = evaluator.evaluate(model, data, new Interactions(val.users(), val.items(), shuffled))
                .metrics(Protocol.FULL).mean("NDCG@10");
        return truth - shuffledNdcg;
    }
}
