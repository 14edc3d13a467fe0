package org.hdbn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.testing.SameRanking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A hand-ranked case with 8 items and 4 evaluation triples. Training: user 0 played items 1 and 4,
 * user 1 played item 0, user 2 nothing.
 *
 * <pre>
 * row user target  candidate order (best first)      rank  target seen
 *  0   0    3      0 7 3 5 2 6   (1, 4 excluded)       3    no
 *  1   0    4      4 0 2 7 3 5 6 (1 excluded)          1    yes: PAPER only
 *  2   1    7      1 2 3 4 5 6 7 (all tied)            7    no
 *  3   2    0      1 2 3 4 5 6 7 0                     8    no
 * </pre>
 * FULL ranks the same scores over all items, training items included:
 * <pre>
 * row  order (best first)   full rank
 *  0   1 4 0 7 3 5 2 6         5      (the played 1 and 4 come back; 3 before 5 on the tie)
 *  1   1 4 0 2 7 3 5 6         2      (the seen target loses to the played item 1)
 *  2   0 1 2 3 4 5 6 7         8      (user 1's played item 0 leads the tie)
 *  3   1 2 3 4 5 6 7 0         8      (user 2 played nothing: as PAPER)
 * </pre>
 * Cutoffs 1, 3, 5 and lists of 6 (MRR@6).
 */
class RankingEvaluatorTest {

    private static final double EPS = 1e-12;

    private static final double[][] SCORES = {
        {0.9, 5.0, 0.5, 0.7, 0.95, 0.7, 0.1, 0.8},
        {0.2, 0.3, 0.2, 0.1, 0.25, 0.0, 0.0, 0.2},
        {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0},
        {-1, 3, 2, 1, 0.5, 0.4, 0.3, 0.2},
    };
    private static final Interactions EVAL = new Interactions(
            new int[] {0, 0, 1, 2}, new int[] {3, 4, 7, 0}, new int[] {5, 6, 7, 8});
    private static final SeenItems TRAIN = SeenItems.of(new Interactions(
            new int[] {0, 0, 1}, new int[] {1, 4, 0}, new int[] {0, 0, 0}));

    private static EvaluationResult evaluate(int blockSize) {
        RankingEvaluator evaluator = new RankingEvaluator(List.of(5, 1, 3), 6, blockSize);
        return evaluator.evaluate(new ArrayBlockScorer(SCORES), EVAL, TRAIN);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 100})
    void ranksListsAndSeenFlagsDoNotDependOnBlockSize(int blockSize) {
        EvaluationResult r = evaluate(blockSize);
        assertThat(r.targetRanks()).containsExactly(3, 1, 7, 8);
        assertThat(r.targetSeen()).containsExactly(false, true, false, false);
        assertThat(r.recommendations()[0]).containsExactly(0, 7, 3, 5, 2, 6);
        assertThat(r.recommendations()[1]).containsExactly(4, 0, 2, 7, 3, 5);
        assertThat(r.recommendations()[2]).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(r.recommendations()[3]).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(r.fullRanks()).containsExactly(5, 2, 8, 8);
        assertThat(r.fullRecommendations()[0]).containsExactly(1, 4, 0, 7, 3, 5);
        assertThat(r.fullRecommendations()[1]).containsExactly(1, 4, 0, 2, 7, 3);
        assertThat(r.fullRecommendations()[2]).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(r.fullRecommendations()[3]).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void fullKeepsEveryTripleAndRanksAllItems() {
        ProtocolMetrics full = evaluate(3).metrics(Protocol.FULL);
        assertThat(full.rows()).containsExactly(0, 1, 2, 3);
        assertThat(full.perTriple("HR@1")).containsExactly(0, 0, 0, 0);
        assertThat(full.perTriple("HR@3")).containsExactly(0, 1, 0, 0);
        assertThat(full.perTriple("HR@5")).containsExactly(1, 1, 0, 0);
        // rank 5 -> 1/log2(6), rank 2 -> 1/log2(3)
        assertThat(full.perTriple("NDCG@5")).containsExactly(
                new double[] {1 / (Math.log(6) / Math.log(2)), 1 / (Math.log(3) / Math.log(2)), 0, 0}, within(EPS));
        assertThat(full.perTriple("MRR@6")).containsExactly(new double[] {0.2, 0.5, 0, 0}, within(EPS));
        assertThat(full.mean("MRR@6")).isCloseTo(0.175, within(EPS));
        assertThat(full.mean("P@5")).isCloseTo(0.1, within(EPS));
    }

    @Test
    void scoresInBlocksOfTheConfiguredSize() {
        ArrayBlockScorer scorer = new ArrayBlockScorer(SCORES);
        new RankingEvaluator(List.of(1), 2, 3).evaluate(scorer, EVAL, TRAIN);
        assertThat(scorer.calls).isEqualTo(2);
        assertThat(scorer.largestBlock).isEqualTo(3);
    }

    @Test
    void paperMetricsPerTripleAndMeans() {
        ProtocolMetrics paper = evaluate(2).metrics(Protocol.PAPER);
        assertThat(paper.rows()).containsExactly(0, 1, 2, 3);
        assertThat(paper.perTriple().keySet()).containsExactly(
                "HR@1", "P@1", "NDCG@1", "HR@3", "P@3", "NDCG@3", "HR@5", "P@5", "NDCG@5", "MRR@6");
        assertThat(paper.perTriple("HR@1")).containsExactly(0, 1, 0, 0);
        assertThat(paper.perTriple("HR@3")).containsExactly(1, 1, 0, 0);
        assertThat(paper.perTriple("HR@5")).containsExactly(1, 1, 0, 0);
        assertThat(paper.perTriple("P@3")).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 0, 0}, within(EPS));
        assertThat(paper.perTriple("P@5")).containsExactly(new double[] {0.2, 0.2, 0, 0}, within(EPS));
        // rank 3 -> 1/log2(4) = 0.5
        assertThat(paper.perTriple("NDCG@3")).containsExactly(new double[] {0.5, 1, 0, 0}, within(EPS));
        assertThat(paper.perTriple("NDCG@1")).containsExactly(new double[] {0, 1, 0, 0}, within(EPS));
        // rank 7 is beyond the list of 6
        assertThat(paper.perTriple("MRR@6")).containsExactly(new double[] {1.0 / 3, 1, 0, 0}, within(EPS));

        assertThat(paper.triples()).isEqualTo(4);
        assertThat(paper.mean("HR@1")).isCloseTo(0.25, within(EPS));
        assertThat(paper.mean("HR@3")).isCloseTo(0.5, within(EPS));
        assertThat(paper.mean("P@3")).isCloseTo(1.0 / 6, within(EPS));
        assertThat(paper.mean("P@5")).isCloseTo(0.1, within(EPS));
        assertThat(paper.mean("NDCG@5")).isCloseTo(0.375, within(EPS));
        assertThat(paper.mean("MRR@6")).isCloseTo(1.0 / 3, within(EPS));
    }

    @Test
    void strictDropsTheTripleWhoseTargetWasSeen() {
        ProtocolMetrics strict = evaluate(4).metrics(Protocol.STRICT);
        assertThat(strict.rows()).containsExactly(0, 2, 3);
        assertThat(strict.triples()).isEqualTo(3);
        assertThat(strict.perTriple("HR@3")).containsExactly(1, 0, 0);
        assertThat(strict.mean("HR@1")).isZero();
        assertThat(strict.mean("HR@3")).isCloseTo(1.0 / 3, within(EPS));
        assertThat(strict.mean("P@3")).isCloseTo(1.0 / 9, within(EPS));
        assertThat(strict.mean("NDCG@3")).isCloseTo(0.5 / 3, within(EPS));
        assertThat(strict.mean("MRR@6")).isCloseTo(1.0 / 9, within(EPS));
    }

    @Test
    void mapAndTableCarryBothProtocols() {
        EvaluationResult r = evaluate(3);
        Map<String, Object> map = r.toMap();
        assertThat(map.keySet()).containsExactly("paper", "strict", "full", "triples");
        assertThat(map.get("triples")).isEqualTo(Map.of("paper", 4, "strict", 3, "full", 4));
        assertThat(((Map<?, ?>) map.get("paper")).get("HR@3")).isEqualTo(0.5);

        String table = r.toTable();
        assertThat(table.lines()).hasSize(2 + 10);
        assertThat(table.lines().toList().get(0)).contains("paper").contains("strict").contains("full");
        assertThat(table).containsPattern("triples\\s+4\\s+3\\s+4");
        assertThat(table).containsPattern("HR@3\\s+0\\.50000\\s+0\\.33333\\s+0\\.25000");
        assertThat(table).containsPattern("MRR@6\\s+0\\.33333\\s+0\\.11111\\s+0\\.17500");
    }

    @Test
    void defaultsMatchThePaper() {
        RankingEvaluator d = RankingEvaluator.withDefaults();
        assertThat(d.cutoffs()).containsExactly(5, 10, 15, 20);
        assertThat(d.listLength()).isEqualTo(20);
        assertThat(d.metrics()).extracting(Metric::name).containsExactly(
                "HR@5", "P@5", "NDCG@5", "HR@10", "P@10", "NDCG@10",
                "HR@15", "P@15", "NDCG@15", "HR@20", "P@20", "NDCG@20", "MRR@20");
        assertThat(RankingEvaluator.forCutoffs(10, 3).listLength()).isEqualTo(10);
        assertThat(d.withBlockSize(7).blockSize()).isEqualTo(7);
    }

    @Test
    void refusesBadConfiguration() {
        assertThatThrownBy(() -> new RankingEvaluator(List.of(5, 30), 20, 8)).hasMessageContaining("cutoff 30");
        assertThatThrownBy(() -> new RankingEvaluator(List.of(5, 5), 20, 8)).hasMessageContaining("twice");
        assertThatThrownBy(() -> new RankingEvaluator(List.of(0), 20, 8)).hasMessageContaining("cutoff 0");
        assertThatThrownBy(() -> new RankingEvaluator(List.of(), 20, 8)).hasMessageContaining("empty");
        assertThatThrownBy(() -> new RankingEvaluator(List.of(5), 20, 0)).hasMessageContaining("blockSize");
    }

    @Test
    void refusesNaNScoresNamingTheEvaluationRow() {
        double[][] scores = {SCORES[0].clone(), SCORES[1].clone(), SCORES[2].clone(), SCORES[3].clone()};
        scores[2][5] = Double.NaN;
        RankingEvaluator evaluator = new RankingEvaluator(List.of(1), 2, 2);
        assertThatThrownBy(() -> evaluator.evaluate(new ArrayBlockScorer(scores), EVAL, TRAIN))
                .isInstanceOf(NonFiniteScoreException.class)
                .hasMessageContaining("row 2").hasMessageContaining("item 5");
    }

    @Test
    void refusesItemsOutsideTheScorersRange() {
        double[][] narrow = {{1, 2, 3}, {1, 2, 3}, {1, 2, 3}, {1, 2, 3}};
        RankingEvaluator evaluator = RankingEvaluator.forCutoffs(1);
        assertThatThrownBy(() -> evaluator.evaluate(new ArrayBlockScorer(narrow), EVAL, TRAIN))
                .hasMessageContaining("item 4");
        SeenItems none = SeenItems.of(new Interactions(new int[0], new int[0], new int[0]));
        assertThatThrownBy(() -> evaluator.evaluate(new ArrayBlockScorer(narrow), EVAL, none))
                .hasMessageContaining("row 0").hasMessageContaining("target item 3");
    }

    @Test
    void emptyEvaluationGivesZeroMeans() {
        Interactions empty = new Interactions(new int[0], new int[0], new int[0]);
        EvaluationResult r = RankingEvaluator.withDefaults().evaluate(new ArrayBlockScorer(SCORES), empty, TRAIN);
        assertThat(r.size()).isZero();
        assertThat(r.metrics(Protocol.STRICT).mean("HR@5")).isZero();
    }

    @Test
    void threadsGiveTheSameRanksAndLists() {
        var rng = org.hdbn.random.RandomStreams.create(31);
        int queries = 50;
        int items = 40;
        double[][] scores = new double[queries][items];
        int[] users = new int[queries];
        int[] targets = new int[queries];
        for (int q = 0; q < queries; q++) {
            for (int j = 0; j < items; j++) {
                // coarse values, so ties occur
                scores[q][j] = rng.nextInt(12);
            }
            users[q] = q % 3;
            targets[q] = rng.nextInt(items);
        }
        Interactions eval = new Interactions(users, targets, new int[queries]);
        RankingEvaluator evaluator = new RankingEvaluator(List.of(5, 10), 10, 7);
        EvaluationResult one = evaluator.evaluate(new ArrayBlockScorer(scores), eval, TRAIN, 1);
        EvaluationResult three = evaluator.evaluate(new ArrayBlockScorer(scores), eval, TRAIN, 3);
        SameRanking.check(one, three);
    }

    @Test
    void byUserScoresTriplesGroupedByUserAndGivesTheResultInTheGivenOrder() {
        var rng = org.hdbn.random.RandomStreams.create(33);
        int queries = 60;
        int items = 30;
        int[] users = new int[queries];
        int[] targets = new int[queries];
        int[] contexts = new int[queries];
        // each triple's scores, found by its context (unique per triple), so they follow it when reordered
        double[][] byContext = new double[queries][items];
        for (int q = 0; q < queries; q++) {
            users[q] = rng.nextInt(7);
            targets[q] = rng.nextInt(items);
            contexts[q] = q;
            for (int j = 0; j < items; j++) {
                byContext[q][j] = rng.nextInt(9);
            }
        }
        Interactions eval = new Interactions(users, targets, contexts);
        List<Interactions> asked = new java.util.ArrayList<>();
        java.util.function.Function<Interactions, BlockScorer> scorers = t -> {
            asked.add(t);
            double[][] rows = new double[t.size()][];
            for (int k = 0; k < t.size(); k++) {
                rows[k] = byContext[t.contexts()[k]];
            }
            return new ArrayBlockScorer(rows);
        };
        RankingEvaluator evaluator = new RankingEvaluator(List.of(5, 10), 10, 7);
        EvaluationResult plain = evaluator.evaluate(scorers.apply(eval), eval, TRAIN, 1);
        EvaluationResult grouped = evaluator.evaluateByUser(scorers, eval, TRAIN, 3);
        SameRanking.check(plain, grouped);
        // the scorer was given the triples by user, one user's in their given order
        Interactions byUser = asked.get(1);
        assertThat(byUser.size()).isEqualTo(queries);
        for (int k = 1; k < queries; k++) {
            assertThat(byUser.users()[k]).isGreaterThanOrEqualTo(byUser.users()[k - 1]);
            if (byUser.users()[k] == byUser.users()[k - 1]) {
                assertThat(byUser.contexts()[k]).isGreaterThan(byUser.contexts()[k - 1]);
            }
        }
        // errors name the row as given
        byContext[41][3] = Double.NaN;
        assertThatThrownBy(() -> evaluator.evaluateByUser(scorers, eval, TRAIN, 1))
                .isInstanceOf(NonFiniteScoreException.class)
                .hasMessageContaining("row 41").hasMessageContaining("item 3");
        int[] negative = users.clone();
        negative[17] = -2;
        assertThatThrownBy(() -> evaluator.evaluateByUser(scorers, new Interactions(negative, targets, contexts), TRAIN, 1))
                .hasMessageContaining("evaluation row 17: negative user -2");
    }

    @Test
    void sameRankingNamesTheFirstDifference() {
        double[][] swapped = {SCORES[1], SCORES[0], SCORES[2], SCORES[3]};
        RankingEvaluator evaluator = new RankingEvaluator(List.of(5, 1, 3), 6, 2);
        SameRanking.check(evaluate(2), evaluator.evaluate(new ArrayBlockScorer(SCORES), EVAL, TRAIN));
        assertThatThrownBy(() -> SameRanking.check(evaluate(2),
                evaluator.evaluate(new ArrayBlockScorer(swapped), EVAL, TRAIN)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("target ranks");
    }

    @Test
    void dotProductScoresAreTheRowProducts() {
        var rng = org.hdbn.random.RandomStreams.create(32);
        org.hdbn.tensor.Tensor q = org.hdbn.tensor.Tensor.zeros(9, 5);
        org.hdbn.tensor.Tensor c = org.hdbn.tensor.Tensor.zeros(300, 5);
        for (double[] d : new double[][] {q.data(), c.data()}) {
            for (int k = 0; k < d.length; k++) {
                d[k] = rng.nextDouble() - 0.5;
            }
        }
        DotProductScorer scorer = new DotProductScorer(q, c);
        double[] out = new double[4 * 300 + 3];
        java.util.Arrays.fill(out, 7.0);
        scorer.score(5, 9, out);
        for (int i = 5; i < 9; i++) {
            for (int j = 0; j < 300; j++) {
                double expected = 0;
                for (int k = 0; k < 5; k++) {
                    expected += q.data()[i * 5 + k] * c.data()[j * 5 + k];
                }
                assertThat(out[(i - 5) * 300 + j]).isCloseTo(expected, within(EPS));
            }
        }
        assertThat(out[4 * 300]).as("past the block: untouched").isEqualTo(7.0);
    }
}
