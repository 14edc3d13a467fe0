package org.hdbn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SparseScoreTermsTest {

    @Test
    void addsEachQuerysPairsToItsRowOnly() {
        BlockScorer base = new BlockScorer() {
            @Override
            public int numItems() {
                return 3;
            }

            @Override
            public void score(int from, int to, double[] out) {
                for (int q = from; q < to; q++) {
                    for (int i = 0; i < 3; i++) {
                        out[(q - from) * 3 + i] = 10 * q + i;
                    }
                }
            }
        };
        // query 0: +1 on item 2; query 1: nothing; query 2: +5 on item 0 and -2 on item 1
        SparseScoreTerms terms = new SparseScoreTerms(new int[] {0, 1, 1, 3}, new int[] {2, 0, 1},
                new double[] {1, 5, -2});
        double[] out = new double[6];
        terms.addTo(base).score(1, 3, out);
        assertThat(out).containsExactly(10, 11, 12, 25, 19, 22);
        terms.addTo(base).score(0, 1, out);
        assertThat(out[2]).isEqualTo(3);
        // an item listed twice gets both scores, added one by one: (11 + 0.1) + 0.2 is one bit below
        // 11 + (0.1 + 0.2)
        SparseScoreTerms twice = new SparseScoreTerms(new int[] {0, 0, 2}, new int[] {1, 1}, new double[] {0.1, 0.2});
        twice.addTo(base).score(1, 2, out);
        assertThat(out[1]).isEqualTo((11 + 0.1) + 0.2).isNotEqualTo(11 + (0.1 + 0.2));
    }

    @Test
    void refusesOffsetsThatDoNotCoverThePairs() {
        assertThatThrownBy(() -> new SparseScoreTerms(new int[] {0, 2}, new int[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
