package org.hdbn.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    static long[] draw(UniformRandomProvider rng) {
        return rng.longs(8).toArray();
    }

    @Test
    void aSeedGivesTheSameStreamEveryTime() {
        assertThat(draw(RandomStreams.create(42))).containsExactly(draw(RandomStreams.create(42)));
        assertThat(draw(RandomStreams.create(42, "init"))).containsExactly(draw(RandomStreams.create(42, "init")));
        assertThat(draw(RandomStreams.create(42, "step", 7))).containsExactly(draw(RandomStreams.create(42, "step", 7)));
    }

    @Test
    void purposesIndexesAndSeedsGiveDifferentStreams() {
        long[] base = draw(RandomStreams.create(42, "init"));
        assertThat(draw(RandomStreams.create(42, "negatives"))).isNotEqualTo(base);
        assertThat(draw(RandomStreams.create(43, "init"))).isNotEqualTo(base);
        assertThat(draw(RandomStreams.create(42, "step", 0))).isNotEqualTo(draw(RandomStreams.create(42, "step", 1)));
        // a split per thread: worker streams differ from each other
        assertThat(draw(RandomStreams.create(42, "worker", 0))).isNotEqualTo(draw(RandomStreams.create(42, "worker", 1)));
    }

    @Test
    void derivedSeedsAreStableAcrossRuns() {
        // fixed value: a change in derivation would silently change every seeded result
        assertThat(RandomStreams.derive(1, "gate")).isEqualTo(-1650563473563953937L);
        assertThat(RandomStreams.create(1).nextLong()).isEqualTo(587168960929266860L);
        assertThat(RandomStreams.derive(1, "gate")).isNotEqualTo(RandomStreams.derive(1, "gatf"));
    }
}
