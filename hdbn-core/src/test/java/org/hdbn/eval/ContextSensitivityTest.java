package org.hdbn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.testing.FunctionScorer;
import org.junit.jupiter.api.Test;

/** The sampled sensitivity of lists and scores to the context, on hand-computed cases. */
class ContextSensitivityTest {

    @Test
    void sampleDrawsDistinctTriplesAndDistinctOtherContextsSeeded() {
        int n = 40;
        int[] users = new int[n];
        int[] items = new int[n];
        int[] contexts = new int[n];
        for (int r = 0; r < n; r++) {
            users[r] = r;
            items[r] = r % 5;
            contexts[r] = r % 9;
        }
        Interactions eval = new Interactions(users, items, contexts);
        ContextSensitivity.Sample s = ContextSensitivity.sample(eval, 9, 15, 4, 7);
        assertThat(s.rows()).hasSize(15).doesNotHaveDuplicates().isSorted();
        assertThat(s.group()).isEqualTo(5);
        for (int t = 0; t < s.rows().length; t++) {
            int row = s.rows()[t];
            assertThat(s.queries().contexts()[t * 5]).isEqualTo(contexts[row]);
            Set<Integer> others = new HashSet<>();
            for (int c = 1; c < 5; c++) {
                int other = s.queries().contexts()[t * 5 + c];
                assertThat(other).isBetween(0, 8).isNotEqualTo(contexts[row]);
                others.add(other);
                assertThat(s.queries().users()[t * 5 + c]).isEqualTo(users[row]);
            }
            assertThat(others).hasSize(4);
        }
        assertThat(ContextSensitivity.sample(eval, 9, 15, 4, 7).queries()).isEqualTo(s.queries());
        // more than there are: every triple, every other context
        ContextSensitivity.Sample all = ContextSensitivity.sample(eval, 9, 100, 50, 7);
        assertThat(all.rows()).hasSize(n);
        assertThat(all.others()).isEqualTo(8);
        assertThatThrownBy(() -> ContextSensitivity.sample(eval, 1, 5, 1, 7)).hasMessageContaining("2 contexts");
    }

    /**
     * One triple, user 0 (who played item 0), two contexts: scores 3 2 1 0 under its own context 0
     * and 0 1 2 3 under context 1. Top 2 of all items: {0, 1} vs {3, 2}, overlap 0; without item 0:
     * {1, 2} vs {3, 2}, overlap 1/2. Per item the two scores differ by 3, 1, 1, 3, so the standard
     * deviations across contexts are 1.5, 0.5, 0.5, 1.5 (mean 1); across items under the own
     * context sqrt(1.25).
     */
    @Test
    void handComputedOverlapAndSpread() {
        Interactions eval = new Interactions(new int[] {0}, new int[] {2}, new int[] {0});
        SeenItems train = SeenItems.of(new Interactions(new int[] {0}, new int[] {0}, new int[] {0}));
        Function<Interactions, BlockScorer> scorers = q -> new FunctionScorer(4, (row, j) -> q.contexts()[row] == 0
                ? 3 - j : j);
        ContextSensitivity.Result r = ContextSensitivity.measure(ContextSensitivity.sample(eval, 2, 1, 1, 1), scorers,
                train, 2);
        assertThat(r.triples()).isEqualTo(1);
        assertThat(r.others()).isEqualTo(1);
        assertThat(r.overlapAll()).isZero();
        assertThat(r.overlapUnseen()).isCloseTo(0.5, within(1e-12));
        assertThat(r.changedShare()).isEqualTo(1.0);
        assertThat(r.contextSpread()).isCloseTo(1.0, within(1e-12));
        assertThat(r.itemSpread()).isCloseTo(Math.sqrt(1.25), within(1e-12));
        assertThat(r.spreadRatio()).isCloseTo(1 / Math.sqrt(1.25), within(1e-12));
    }

    @Test
    void aScorerThatIgnoresTheContextHasFullOverlapAndNoSpread() {
        int n = 30;
        int[] users = new int[n];
        int[] contexts = new int[n];
        for (int r = 0; r < n; r++) {
            users[r] = r % 4;
            contexts[r] = r % 6;
        }
        Interactions eval = new Interactions(users, new int[n], contexts);
        // irrational-ish values so a sum of equal scores would not cancel exactly by luck
        Function<Interactions, BlockScorer> blind = q -> new FunctionScorer(25,
                (row, j) -> Math.sin(0.37 * j + q.users()[row]) * 1e3);
        SeenItems train = SeenItems.of(new Interactions(new int[] {0, 1}, new int[] {3, 4}, new int[] {0, 0}));
        ContextSensitivity.Result r = ContextSensitivity.measure(ContextSensitivity.sample(eval, 6, 10, 3, 2), blind,
                train, 10);
        assertThat(r.overlapAll()).isEqualTo(1.0);
        assertThat(r.overlapUnseen()).isEqualTo(1.0);
        assertThat(r.changedShare()).isZero();
        assertThat(r.contextSpread()).isZero();
        assertThat(r.spreadRatio()).isZero();
        assertThat(r.itemSpread()).isPositive();
    }
}
