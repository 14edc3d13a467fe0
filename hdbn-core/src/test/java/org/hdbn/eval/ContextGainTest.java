package org.hdbn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.function.Function;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.testing.FunctionScorer;
import org.junit.jupiter.api.Test;

/**
 * The shuffled-context evaluation: a planted scorer whose best item is the query's context gains
 * from the true contexts; a scorer that ignores the context gains exactly nothing.
 */
class ContextGainTest {

    private static final int ITEMS = 12;
    private static final int N = 300;

    /** Triples whose target is their context: user r % 7, context = target = r % ITEMS. */
    private static Interactions triples() {
        int[] users = new int[N];
        int[] items = new int[N];
        int[] contexts = new int[N];
        for (int r = 0; r < N; r++) {
            users[r] = r % 7;
            items[r] = (r * 5) % ITEMS;
            contexts[r] = items[r];
        }
        return new Interactions(users, items, contexts);
    }

    /** Scores item j as 1 when j is the query's context, else by a user-specific order that ignores it. */
    private static Function<Interactions, BlockScorer> planted(boolean useContext) {
        return q -> new FunctionScorer(ITEMS, (r, j) -> ((j + q.users()[r]) % ITEMS) / (2.0 * ITEMS)
                + (useContext && j == q.contexts()[r] ? 1 : 0));
    }

    private static final SeenItems NOTHING_SEEN = SeenItems.of(new Interactions(new int[0], new int[0], new int[0]));

    @Test
    void shufflingPermutesTheContextColumnOnlyAndIsSeeded() {
        Interactions eval = triples();
        Interactions a = ContextGain.shuffleContexts(eval, 3);
        assertThat(a.users()).isEqualTo(eval.users());
        assertThat(a.items()).isEqualTo(eval.items());
        int[] before = eval.contexts().clone();
        int[] after = a.contexts().clone();
        Arrays.sort(before);
        Arrays.sort(after);
        assertThat(after).as("the same contexts, in another order").isEqualTo(before);
        assertThat(a.contexts()).isNotEqualTo(eval.contexts());
        assertThat(ContextGain.shuffleContexts(eval, 3).contexts()).isEqualTo(a.contexts());
        assertThat(ContextGain.shuffleContexts(eval, 4).contexts()).isNotEqualTo(a.contexts());
    }

    @Test
    void aScorerThatUsesTheContextGainsFromIt() {
        Interactions eval = triples();
        RankingEvaluator evaluator = RankingEvaluator.withDefaults();
        EvaluationResult actual = evaluator.evaluate(planted(true).apply(eval), eval, NOTHING_SEEN);
        // every target is its own context, so the true contexts rank it first
        assertThat(actual.metrics(Protocol.FULL).mean("NDCG@10")).isEqualTo(1.0);
        ContextGain.Result gain = ContextGain.measure(actual, planted(true), eval, NOTHING_SEEN, evaluator, 5, 2);
        for (Protocol p : Protocol.values()) {
            PairedComparison c = gain.byProtocol().get(p);
            assertThat(c.meanA()).isEqualTo(1.0);
            assertThat(c.meanB()).isLessThan(0.6);
            assertThat(gain.gain(p)).isGreaterThan(0.4);
            assertThat(c.tPValue()).isLessThan(1e-10);
            assertThat(c.wilcoxonPValue()).isLessThan(1e-10);
        }
        // a shuffled triple whose context happens to equal its target keeps NDCG 1: the shuffled
        // evaluation really ranks the permuted contexts
        Interactions shuffled = ContextGain.shuffleContexts(eval, 5);
        long kept = java.util.stream.IntStream.range(0, N).filter(r -> shuffled.contexts()[r] == eval.items()[r]).count();
        double[] perTriple = gain.shuffled().metrics(Protocol.FULL).perTriple("NDCG@10");
        assertThat(Arrays.stream(perTriple).filter(v -> v == 1.0).count()).isEqualTo(kept);
    }

    @Test
    void aScorerThatIgnoresTheContextGainsExactlyNothing() {
        Interactions eval = triples();
        RankingEvaluator evaluator = RankingEvaluator.withDefaults();
        EvaluationResult actual = evaluator.evaluate(planted(false).apply(eval), eval, NOTHING_SEEN);
        ContextGain.Result gain = ContextGain.measure(actual, planted(false), eval, NOTHING_SEEN, evaluator, 5, 1);
        for (Protocol p : Protocol.values()) {
            assertThat(gain.gain(p)).isZero();
            assertThat(gain.byProtocol().get(p).tPValue()).isEqualTo(1.0);
            assertThat(gain.byProtocol().get(p).wilcoxonPValue()).isEqualTo(1.0);
        }
        assertThat(gain.shuffled().fullRanks()).isEqualTo(actual.fullRanks());
    }

    @Test
    void overlapCountsSharedItems() {
        assertThat(ContextSensitivity.overlap(new int[] {1, 2, 3}, new int[] {3, 4, 1}, 3)).isCloseTo(2.0 / 3, within(1e-12));
    }
}
