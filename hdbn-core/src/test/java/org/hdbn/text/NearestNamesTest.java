package org.hdbn.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Nearest names: misspellings found, unrelated names not offered, nearest first. */
class NearestNamesTest {

    static final List<String> SECTIONS = List.of("formatVersion", "name", "description", "gate", "training", "graph");

    @Test
    void misspellingsFindTheIntendedName() {
        assertThat(NearestNames.nearest("trainng", SECTIONS, 3)).containsExactly("training");
        assertThat(NearestNames.nearest("grpah", SECTIONS, 3)).containsExactly("graph");
        assertThat(NearestNames.nearest("Gate", SECTIONS, 3)).containsExactly("gate");
        assertThat(NearestNames.nearest("gausian_latent", List.of("gaussian_latent", "gaussian_likelihood", "embedding"), 3))
                .first().isEqualTo("gaussian_latent");
    }

    @Test
    void nothingCloseGivesNoSuggestion() {
        assertThat(NearestNames.nearest("zzzzzzzz", SECTIONS, 3)).isEmpty();
        assertThat(NearestNames.didYouMean("zzzzzzzz", SECTIONS)).isEmpty();
    }

    @Test
    void suggestionReadsAsASentence() {
        assertThat(NearestNames.didYouMean("hapy", List.of("happy", "sad", "hungry")))
                .isEqualTo(" (did you mean 'happy'?)");
        assertThat(NearestNames.didYouMean("kmean", List.of("kmeans", "xmeans", "gmeans", "single")))
                .isEqualTo(" (did you mean 'kmeans', 'gmeans' or 'xmeans'?)");
    }

    @Test
    void distanceCountsEditsAndSwaps() {
        assertThat(NearestNames.distance("abc", "abc")).isZero();
        assertThat(NearestNames.distance("abc", "acb")).isEqualTo(1);
        assertThat(NearestNames.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestNames.distance("", "abc")).isEqualTo(3);
    }
}
