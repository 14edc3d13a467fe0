package org.hdbn.examples.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hdbn.autodiff.Engines;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.hdbn.examples.recommender.EmotionPopularity;
import org.hdbn.examples.recommender.MostPopular;
import org.hdbn.examples.recommender.Recommender;
import org.hdbn.examples.recommender.SpecRecommender;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.ModelTrainer;
import org.hdbn.run.TrainedModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emotion diagnostics on generated data: an emotion-blind baseline shows exactly no gain and
 * no sensitivity, the per-tag popularity (whose scores depend on nothing but the tag) does, and a
 * trained HDBN's latent nodes and mood preference are found by role; everything is seeded.
 */
class EmotionDiagnosticsTest {

    @TempDir
    static Path dir;

    static EmoMusicDataset data;
    static SeenItems seen;

    @BeforeAll
    static void generate() {
        SyntheticEmoMusic.generate(SyntheticEmoMusic.Config.defaults().withSeed(11), dir);
        data = EmoMusicLoader.load(dir);
        seen = SeenItems.of(data.train());
    }

    private static EmotionDiagnostics.Result diagnose(Recommender r, long seed) {
        EvaluationResult actual = RankingEvaluator.withDefaults().evaluate(r.scorer(data, data.validation()),
                data.validation(), seen);
        return EmotionDiagnostics.measure(r, data, data.validation(), actual, seen,
                new EmotionDiagnostics.Options(seed, 50, 4, 10), 2);
    }

    @Test
    void anEmotionBlindBaselineGainsNothingAndMovesNothing() {
        EmotionDiagnostics.Result d = diagnose(MostPopular.fit(data), 3);
        for (Protocol p : Protocol.values()) {
            assertThat(d.gain().get(p).meanDifference()).isZero();
            assertThat(d.gain().get(p).tPValue()).isEqualTo(1.0);
        }
        assertThat(d.sensitivity().overlapAll()).isEqualTo(1.0);
        assertThat(d.sensitivity().changedShare()).isZero();
        assertThat(d.sensitivity().spreadRatio()).isZero();
        assertThat(d.latents()).isEmpty();
        assertThat(d.categoricals()).isEmpty();
    }

    @Test
    void perTagPopularityGainsFromThePlantedEmotionsAndItsListsMove() {
        // the generator plants a mood per tag, so the songs played under a tag depend on it
        EmotionDiagnostics.Result d = diagnose(EmotionPopularity.fit(data, 1.0), 3);
        assertThat(d.gain().get(Protocol.FULL).meanDifference()).isPositive();
        assertThat(d.gain().get(Protocol.FULL).tPValue()).isLessThan(0.01);
        assertThat(d.sensitivity().overlapAll()).isLessThan(1.0);
        assertThat(d.sensitivity().changedShare()).isPositive();
        assertThat(d.sensitivity().spreadRatio()).isPositive();
        EmotionDiagnostics.Result again = diagnose(EmotionPopularity.fit(data, 1.0), 3);
        assertThat(again.toMap().toString().replaceAll("seconds=[0-9.E-]+", ""))
                .as("seeded: the same numbers again").isEqualTo(d.toMap().toString().replaceAll("seconds=[0-9.E-]+", ""));
    }

    @Test
    void findsHdbnsLatentNodesAndMoodPreferenceByRole() {
        ModelSpec spec = ModelSpec.builtIn(new SpecMapper(), "hdbn");
        spec = spec.withTraining(spec.training().withFinalEpochs(1));
        TrainedModel model = new ModelTrainer().train(spec, data,
                new ModelTrainer.Options(1, Engines.defaultEngine(), null, null, 0));
        EmotionDiagnostics.Result d = diagnose(new SpecRecommender(model, Engines.defaultEngine(), 0, 1), 5);
        assertThat(d.latents()).extracting(l -> l.node()).containsExactly("prior_led", "posterior_led");
        for (var l : d.latents()) {
            assertThat(l.size()).isEqualTo(16);
            assertThat(l.klPerDimension()).hasSize(16);
            assertThat(java.util.Arrays.stream(l.klPerDimension()).min().orElseThrow()).isNotNegative();
            assertThat(l.activeUnits()).isBetween(0, 16);
        }
        assertThat(d.categoricals()).hasSize(1);
        var mood = d.categoricals().get(0);
        assertThat(mood.health().node()).isEqualTo("mood_preference");
        assertThat(mood.health().meanEntropy()).isBetween(0.0, Math.log(9) + 1e-12);
        assertThat(mood.shift()).isBetween(0.0, 1.0);
        assertThat(d.toText()).contains("emotion gain").contains("posterior_led").contains("mood_preference");
    }
}
