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
    }

    @Test
    void addsARepeatedItemsScoresInTheOrderGiven() {
        BlockScorer base = new BlockScorer() {
            @Override
            public int numItems() {
                return 2;
            }

            @Override
            public void score(int from, int to, double[] out) {
                java.util.Arrays.fill(out, 0, (to - from) * 2, 0.1);
            }
        };
        // (0.1 + 0.2) + 0.3 and 0.1 + (0.2 + 0.3) differ in the last bit; the pairs must add one by one
        SparseScoreTerms terms = new SparseScoreTerms(new int[] {0, 2}, new int[] {1, 1}, new double[] {0.2, 0.3});
        double[] out = new double[2];
        terms.addTo(base).score(0, 1, out);
        assertThat(out).containsExactly(0.1, (0.1 + 0.2) + 0.3);
        assertThat((0.1 + 0.2) + 0.3).isNotEqualTo(0.1 + (0.2 + 0.3));
    }

    @Test
    void refusesOffsetsThatDoNotCoverThePairs() {
        assertThatThrownBy(() -> new SparseScoreTerms(new int[] {0, 2}, new int[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
