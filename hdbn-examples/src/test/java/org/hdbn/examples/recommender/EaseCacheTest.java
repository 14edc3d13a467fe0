package org.hdbn.examples.recommender;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hdbn.eval.Protocol;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EASE fits are shared per lambda, and a play-count grid search reuses them. */
class EaseCacheTest {

    @TempDir
    Path dir;

    @Test
    void eachLambdaIsFittedOnceAndTheGridChoosesByTheAskedProtocol() {
        SyntheticEmoMusic.generate(SyntheticEmoMusic.Config.defaults().withSeed(21), dir);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        EaseCache cache = new EaseCache();
        Ease first = cache.get(data, 10);
        assertThat(cache.get(data, 10)).isSameAs(first);
        assertThat(cache.size()).isEqualTo(1);

        PlayCounts counts = PlayCounts.of(data.train());
        var grid = GridPoint.times(GridPoint.of("lambda", 10, 100), "alpha", 0, 1);
        var choice = ValidationGrid.choose(data, grid, p -> new PlayCountBoost("ease-plays", cache.get(data,
                p.get("lambda")), counts, p.get("alpha"), 0), Protocol.FULL, null);
        assertThat(cache.size()).as("two lambdas, each inverted once for four points").isEqualTo(2);
        assertThat(choice.scores()).hasSize(4);
        assertThat(choice.scores().get(choice.point()))
                .isEqualTo(choice.scores().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow());
        assertThat(choice.describe()).contains("chosen by full NDCG@10").contains(choice.point().toString());
    }
}
