package org.hdbn.examples.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.hdbn.data.Interactions;
import org.junit.jupiter.api.Test;

/** Most-popular and emotion-conditioned popularity scores worked out by hand. */
class PopularityTest {

    // (user, song, tag): song 0 twice under tag 0; song 1 once under tag 1; song 2 once under tag 0
    static final Interactions TRAIN = new Interactions(new int[] {0, 1, 1, 2}, new int[] {0, 0, 1, 2},
            new int[] {0, 0, 1, 0});

    @Test
    void mostPopularScoresAreTrainingCountsForEveryQuery() {
        MostPopular pop = MostPopular.fit(TRAIN, 4);
        assertThat(pop.scores()).containsExactly(2, 1, 1, 0);
        Interactions queries = new Interactions(new int[] {0, 2}, new int[] {1, 1}, new int[] {1, 0});
        // the scorer reads only the counts, not the data set
        double[] out = new double[8];
        pop.scorer(null, queries).score(0, 2, out);
        assertThat(out).containsExactly(2, 1, 1, 0, 2, 1, 1, 0);
    }

    @Test
    void emotionPopularityIsTheTagCountPlusBetaTimesGlobalShare() {
        // N = 4, c(0) = 2, c(1) = c(2) = 1, beta = 2: beta c(i)/N = 1, 0.5, 0.5, 0
        EmotionPopularity p = EmotionPopularity.fit(TRAIN, 2, 4, 2.0);
        assertThat(p.score(0, 0)).isCloseTo(2 + 1.0, within(1e-12));
        assertThat(p.score(0, 1)).isCloseTo(0 + 0.5, within(1e-12));
        assertThat(p.score(0, 2)).isCloseTo(1 + 0.5, within(1e-12));
        assertThat(p.score(0, 3)).isZero();
        assertThat(p.score(1, 0)).isCloseTo(0 + 1.0, within(1e-12));
        assertThat(p.score(1, 1)).isCloseTo(1 + 0.5, within(1e-12));
        Interactions queries = new Interactions(new int[] {5, 5}, new int[] {0, 0}, new int[] {1, 0});
        double[] out = new double[8];
        p.scorer(null, queries).score(0, 2, out);
        assertThat(out).containsExactly(1.0, 1.5, 0.5, 0, 3.0, 0.5, 1.5, 0);
    }

    @Test
    void zeroBetaRanksByTheTagAloneAndLargeBetaByGlobalPopularity() {
        EmotionPopularity none = EmotionPopularity.fit(TRAIN, 2, 4, 0);
        assertThat(none.score(1, 0)).isZero();
        assertThat(none.score(1, 1)).isEqualTo(1);
        EmotionPopularity huge = EmotionPopularity.fit(TRAIN, 2, 4, 1e9);
        // under tag 1, song 0 (2 plays overall) now beats song 1 (its one play under tag 1)
        assertThat(huge.score(1, 0)).isGreaterThan(huge.score(1, 1));
    }

    @Test
    void refusesANegativeBetaAndAKeyOutsideTheTable() {
        assertThatThrownBy(() -> EmotionPopularity.fit(TRAIN, 2, 4, -1)).hasMessageContaining("beta");
        assertThatThrownBy(() -> new ContextTableScorer(new double[8], 4, new int[] {0, 2}))
                .hasMessageContaining("query 1: key 2");
    }
}
