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
    void allItemNegativesNeverDrawThePositiveAndDrawOwnItemsAtTheirShare() {
        NegativeSampler s = new NegativeSamplingSpec.AllItems(0.25, null).sampler(TRAIN, 1000);
        UniformRandomProvider rng = RandomStreams.create(3);
        int[] out = new int[10];
        int own = 0;
        for (int trial = 0; trial < 400; trial++) {
            s.sample(0, 2, rng, out, 0, 10);
            assertThat(out).doesNotContain(2);
            for (int item : out) {
                own += item == 1 || item == 3 ? 1 : 0;
            }
        }
        // 4000 draws: a quarter from items 1 and 3 (plus about 8 uniform hits), sd about 27
        assertThat(own).isBetween(900, 1130);
        // a user whose only item is the positive gets uniform draws
        s.sample(1, 4, rng, out, 0, 10);
        assertThat(out).doesNotContain(4);
    }

    @Test
    void reListensGetTheirOwnShare() {
        NegativeSampler s = new NegativeSamplingSpec.AllItems(0.0, 1.0).sampler(TRAIN, 1000);
        UniformRandomProvider rng = RandomStreams.create(4);
        int[] out = new int[2];
        int ownForOnce = 0;
        for (int trial = 0; trial < 200; trial++) {
            s.sample(0, 1, rng, out, 0, 2);      // item 1 was played twice: only own items
            assertThat(out).doesNotContain(1);
            assertThat(out[0]).isIn(2, 3);
            assertThat(out[1]).isIn(2, 3);
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
