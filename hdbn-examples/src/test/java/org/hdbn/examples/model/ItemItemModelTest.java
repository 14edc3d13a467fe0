package org.hdbn.examples.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hdbn.autodiff.Engines;
import org.hdbn.data.Interactions;
import org.hdbn.eval.BlockScorer;
import org.hdbn.eval.DotProductScorer;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.hdbn.examples.recommender.Ease;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.ModelEvaluator;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.ModelTrainer;
import org.hdbn.run.TrainedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model with an {@code item_item} score term: its evaluation scores are the towers' dot product
 * plus the factor times the EASE baseline's scores over every song, and a saved model, which does
 * not store B, refits it when loaded and scores the same.
 */
class ItemItemModelTest {

    static final double LAMBDA = 20;
    static final double FACTOR = 3;

    @TempDir
    Path dir;

    static ModelSpec spec(SpecMapper mapper) {
        String json = """
                {
                  "formatVersion": 1, "name": "bprmf-ease",
                  "training": {"batchSize": 64, "negatives": 4, "learningRate": 0.01, "decayRate": 0.99, "decaySteps": 1024,
                    "clipNorm": 10, "stages": [{"name": "train", "epochs": 1}]},
                  "graph": {
                    "formatVersion": 1,
                    "inputs": {"user": "index", "emotion": "index", "item": "index"},
                    "nodes": {
                      "user_embedding": {"type": "embedding", "input": "user", "rows": "users", "dim": 8},
                      "song_embedding": {"type": "embedding", "input": "item", "rows": "songs", "dim": 8},
                      "query": {"type": "concat", "inputs": ["user_embedding"]},
                      "candidate": {"type": "concat", "inputs": ["song_embedding"]},
                      "ease": {"type": "item_item", "user": "user", "item": "item", "history": "train_history",
                               "items": "songs", "lambda": %s, "factor": %s},
                      "bpr": {"type": "bpr", "query": "query", "candidates": "candidate", "terms": ["ease"]}
                    }
                  },
                  "scoreTerms": ["ease"]
                }
                """.formatted(LAMBDA, FACTOR);
        return mapper.read("bprmf-ease", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), ModelSpec.class);
    }

    @Test
    void scoresAreTheDotProductPlusTheBaselinesEaseScoresAndSurviveSaveAndLoad() {
        SyntheticEmoMusic.generate(new SyntheticEmoMusic.Config(60, 40, 4, 4, 2, 12, 0.15, 5L), dir.resolve("data"));
        EmoMusicDataset data = EmoMusicLoader.load(dir.resolve("data"));
        SpecMapper mapper = new SpecMapper();
        TrainedModel model = new ModelTrainer().train(spec(mapper), data,
                new ModelTrainer.Options(4, Engines.byName("tape"), null, null, 0, null, 0, null, 1));
        ModelEvaluator evaluator = new ModelEvaluator(Engines.byName("tape"), 0, 4, 1);
        Interactions queries = data.validation();
        int n = data.numSongs();
        int q = queries.size();
        double[] scores = scores(evaluator.scorer(model, data, queries), q, n);
        double[] dots = scores(new DotProductScorer(evaluator.queries(model, queries), evaluator.candidates(model, n)), q, n);
        double[] ease = scores(Ease.fit(data, LAMBDA).scorer(data, queries), q, n);
        double spread = 0;
        for (int k = 0; k < scores.length; k++) {
            assertThat(scores[k]).as("query %d, song %d", k / n, k % n).isCloseTo(dots[k] + FACTOR * ease[k], within(1e-9));
            spread = Math.max(spread, Math.abs(ease[k]));
        }
        assertThat(spread).as("the EASE term is not zero everywhere").isGreaterThan(0.01);

        model.save(dir.resolve("model"), mapper);
        TrainedModel loaded = TrainedModel.load(dir.resolve("model"), data, mapper);
        assertThat(scores(evaluator.scorer(loaded, data, queries), q, n)).containsExactly(scores);
    }

    private static double[] scores(BlockScorer scorer, int queries, int items) {
        double[] out = new double[queries * items];
        scorer.score(0, queries, out);
        return out;
    }
}
