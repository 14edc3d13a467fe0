package org.hdbn.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.random.RandomStreams;
import org.junit.jupiter.api.Test;

class NegativeSamplersTest {

    // user 0 played items 1 (twice), 2 and 3; user 1 played item 4 once
    static final Interactions TRAIN = new Interactions(new int[] {0, 0, 0, 0, 1}, new int[] {1, 1, 2, 3, 4},
            new int[] {0, 1, 0, 0, 0});

    @Test
    void allItemNegativesNeverDrawThePositiveAndDrawOwnItemsFirst() {
        NegativeSampler s = new NegativeSamplingSpec.AllItems(2, null).sampler(TRAIN, 50);
        UniformRandomProvider rng = RandomStreams.create(3);
        int[] out = new int[6];
        boolean sawUnknown = false;
        for (int trial = 0; trial < 500; trial++) {
            s.sample(0, 2, rng, out, 0, 6);
            assertThat(out).doesNotContain(2);
            assertThat(out[0]).isIn(1, 3);
            assertThat(out[1]).isIn(1, 3);
            for (int j = 2; j < 6; j++) {
                sawUnknown |= out[j] > 4;
            }
        }
        assertThat(sawUnknown).isTrue();
        // a user whose only item is the positive gets uniform draws instead
        s.sample(1, 4, rng, out, 0, 6);
        assertThat(out).doesNotContain(4);
    }

    @Test
    void repeatsOnlyGivesOwnItemsToReListensAlone() {
        NegativeSampler s = new NegativeSamplingSpec.AllItems(2, true).sampler(TRAIN, 1000);
        UniformRandomProvider rng = RandomStreams.create(4);
        int[] out = new int[2];
        int ownForOnce = 0;
        for (int trial = 0; trial < 200; trial++) {
            s.sample(0, 1, rng, out, 0, 2);      // item 1 was played twice: own items
            assertThat(out).containsAnyOf(2, 3).doesNotContain(1);
            assertThat(out[0]).isIn(2, 3);
            s.sample(0, 2, rng, out, 0, 2);      // item 2 once: uniform over 1000 items
            ownForOnce += (out[0] == 1 || out[0] == 3) ? 1 : 0;
        }
        assertThat(ownForOnce).isLessThan(5);
    }

    @Test
    void unseenNegativesMatchTheDefaultSamplerDrawForDraw() {
        NegativeSampler spec = new NegativeSamplingSpec.Unseen().sampler(TRAIN, 20);
        NegativeSampler direct = new UnseenNegatives(SeenItems.of(TRAIN), 20);
        int[] a = new int[8];
        int[] b = new int[8];
        spec.sample(0, 1, RandomStreams.create(9), a, 0, 8);
        direct.sample(0, 1, RandomStreams.create(9), b, 0, 8);
        assertThat(a).isEqualTo(b).doesNotContain(1, 2, 3);
    }
}
