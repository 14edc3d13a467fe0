package org.hdbn.examples.recommender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.hdbn.data.Interactions;
import org.hdbn.eval.BlockScorer;
import org.hdbn.run.data.Dataset;
import org.hdbn.testing.FunctionScorer;
import org.junit.jupiter.api.Test;

/** Play counts and the EASE-plus-counts scores worked out by hand. */
class PlayCountBoostTest {

    // (user, song, tag): user 0 played song 2 three times (tags 1, 1, 0) and song 0 once (tag 1);
    // user 1 played song 1 once (tag 0); user 2 nothing
    static final Interactions TRAIN = new Interactions(new int[] {0, 0, 1, 0, 0}, new int[] {2, 2, 1, 0, 2},
            new int[] {1, 1, 0, 1, 0});

    @Test
    void countsTotalsAndPerTag() {
        PlayCounts c = PlayCounts.of(TRAIN);
        assertThat(c.songsOf(0)).containsExactly(0, 2);
        assertThat(c.totalsOf(0)).containsExactly(1, 3);
        assertThat(c.count(0, 2)).isEqualTo(3);
        assertThat(c.count(0, 2, 1)).isEqualTo(2);
        assertThat(c.count(0, 2, 0)).isEqualTo(1);
        assertThat(c.count(0, 0, 0)).isZero();
        assertThat(c.count(0, 1)).isZero();
        assertThat(c.count(1, 1, 0)).isEqualTo(1);
        // unknown users and tags have no plays
        assertThat(c.songsOf(7)).isEmpty();
        assertThat(c.count(7, 1, 0)).isZero();
        assertThat(c.count(0, 2, 9)).isZero();
        List<String> underTag1 = new ArrayList<>();
        c.forEachUnderTag(0, 1, (song, n) -> underTag1.add(song + ":" + n));
        assertThat(underTag1).containsExactly("0:1.0", "2:2.0");
    }

    @Test
    void addsWeightedCountsToTheUsersOwnSongsOnly() {
        // base: every query scores song j as j / 10
        Recommender base = new Recommender() {
            @Override
            public String name() {
                return "base";
            }

            @Override
            public BlockScorer scorer(Dataset data, Interactions queries) {
                return new FunctionScorer(4, (q, j) -> j / 10.0);
            }
        };
        PlayCountBoost boost = new PlayCountBoost("b", base, PlayCounts.of(TRAIN), 0.5, 2.0);
        // queries: user 0 under tag 1, user 0 under tag 0, user 2 under tag 1
        Interactions queries = new Interactions(new int[] {0, 0, 2}, new int[] {0, 0, 0}, new int[] {1, 0, 1});
        double[] out = new double[12];
        boost.scorer(null, queries).score(0, 3, out);
        assertThat(out).containsExactly(new double[] {
            // song 0: 0 + 0.5 * 1 + 2 * 1; song 2: 0.2 + 0.5 * 3 + 2 * 2
            2.5, 0.1, 5.7, 0.3,
            // tag 0: song 0 has no plays under it; song 2 one
            0.5, 0.1, 0.2 + 1.5 + 2, 0.3,
            0, 0.1, 0.2, 0.3}, within(1e-12));
        // to the bit: the total-count term is added before the per-tag one
        assertThat(out[2]).isEqualTo((0.2 + 0.5 * 3) + 2.0 * 2);
        // blocks are offset correctly
        double[] last = new double[4];
        boost.scorer(null, queries).score(2, 3, last);
        assertThat(last).containsExactly(new double[] {0, 0.1, 0.2, 0.3}, within(1e-12));
        // without the emotion term the tag does not matter
        double[] blind = new double[8];
        new PlayCountBoost("b", base, PlayCounts.of(TRAIN), 0.5, 0).scorer(null, queries).score(0, 2, blind);
        assertThat(java.util.Arrays.copyOfRange(blind, 0, 4)).containsExactly(java.util.Arrays.copyOfRange(blind, 4, 8));
    }

    @Test
    void gridPointsCombineInOrderAndRefuseRepeats() {
        List<GridPoint> grid = GridPoint.times(GridPoint.of("lambda", 1, 10), "alpha", 0, 0.5);
        assertThat(grid).extracting(GridPoint::toString)
                .containsExactly("lambda=1 alpha=0", "lambda=1 alpha=0.5", "lambda=10 alpha=0", "lambda=10 alpha=0.5");
        assertThat(grid.get(3).get("alpha")).isEqualTo(0.5);
        assertThatThrownBy(() -> grid.get(0).get("beta")).hasMessageContaining("no parameter 'beta'");
        assertThatThrownBy(() -> GridPoint.times(grid, "alpha", 1)).hasMessageContaining("already");
    }

    @Test
    void refusesNonFiniteWeights() {
        assertThatThrownBy(() -> new PlayCountBoost("b", null, PlayCounts.of(TRAIN), Double.NaN, 0))
                .hasMessageContaining("alpha NaN");
    }
}
