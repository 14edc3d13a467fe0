package org.hdbn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class TopKRankerTest {

    @Test
    void ordersByScoreThenSmallerIndexAndSkipsExcludedItems() {
        //                 item: 0    1    2    3    4    5    6    7
        double[] scores = {0.9, 5.0, 0.5, 0.7, 0.95, 0.7, 0.1, 0.8};
        // items 1 and 4 excluded; 3 and 5 tie, 3 first; target 3 has 0 and 7 before it
        TopKRanker.Ranking r = new TopKRanker(8, 4).rank(scores, 0, 3, new int[] {4, 1}, 0);
        assertThat(r.top()).containsExactly(0, 7, 3, 5);
        assertThat(r.targetRank()).isEqualTo(3);
        // among all items the excluded 1 and 4 come back: 1, 4, 0, 7 before the target
        assertThat(r.fullTop()).containsExactly(1, 4, 0, 7);
        assertThat(r.fullRank()).isEqualTo(5);
    }

    @Test
    void longListsMatchASortWhateverTheScoresOrder() {
        // 3,000 items with scores rising, falling and random with the index (the heap sees every
        // order of arrival), coarse enough for many ties, with and without exclusions
        int n = 3000;
        java.util.Random rng = new java.util.Random(4);
        TopKRanker ranker = new TopKRanker(n, 20);
        for (int order = 0; order < 3; order++) {
            for (int trial = 0; trial < 20; trial++) {
                double[] scores = new double[n];
                for (int j = 0; j < n; j++) {
                    double noise = rng.nextInt(50);
                    scores[j] = order == 0 ? Math.floor(j / 7.0) + noise : order == 1 ? Math.floor((n - j) / 7.0) + noise
                            : rng.nextInt(300);
                }
                int target = rng.nextInt(n);
                int[] excluded = rng.ints(trial * 40, 0, n).toArray();
                TopKRanker.Ranking r = ranker.rank(scores, 0, target, excluded, trial);
                java.util.Set<Integer> out = new java.util.HashSet<>();
                for (int e : excluded) {
                    out.add(e);
                }
                out.remove(target);
                // the definition: higher score first, then the smaller index
                java.util.List<Integer> all = new java.util.ArrayList<>();
                for (int j = 0; j < n; j++) {
                    all.add(j);
                }
                all.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b));
                int[] expectedFull = all.stream().limit(20).mapToInt(Integer::intValue).toArray();
                int[] expected = all.stream().filter(j -> !out.contains(j)).limit(20).mapToInt(Integer::intValue).toArray();
                assertThat(r.top()).as("order %d trial %d", order, trial).containsExactly(expected);
                assertThat(r.fullTop()).as("order %d trial %d, all items", order, trial).containsExactly(expectedFull);
                int rank = all.stream().filter(j -> !out.contains(j)).toList().indexOf(target) + 1;
                assertThat(r.targetRank()).isEqualTo(rank);
            }
        }
    }

    @Test
    void excludedTargetStaysACandidate() {
        double[] scores = {0.2, 0.3, 0.2, 0.1, 0.25, 0.0, 0.0, 0.2};
        // target 4 is among the excluded (seen) items: PAPER keeps it, item 1 (0.3) stays out
        TopKRanker.Ranking r = new TopKRanker(8, 3).rank(scores, 0, 4, new int[] {1, 4}, 0);
        assertThat(r.targetRank()).isEqualTo(1);
        assertThat(r.top()).containsExactly(4, 0, 2);
        assertThat(r.fullRank()).isEqualTo(2);
        assertThat(r.fullTop()).containsExactly(1, 4, 0);
    }

    @Test
    void allTiedRanksByIndex() {
        double[] scores = new double[8];
        Arrays.fill(scores, 1.0);
        TopKRanker.Ranking r = new TopKRanker(8, 5).rank(scores, 0, 7, new int[] {0}, 0);
        assertThat(r.top()).containsExactly(1, 2, 3, 4, 5);
        assertThat(r.targetRank()).isEqualTo(7);
        assertThat(r.fullTop()).containsExactly(0, 1, 2, 3, 4);
        assertThat(r.fullRank()).isEqualTo(8);
    }

    @Test
    void targetOutsideTheListStillGetsItsRank() {
        double[] scores = {-1, 3, 2, 1, 0.5, 0.4, 0.3, 0.2};
        TopKRanker.Ranking r = new TopKRanker(8, 2).rank(scores, 0, 0, new int[0], 0);
        assertThat(r.top()).containsExactly(1, 2);
        assertThat(r.targetRank()).isEqualTo(8);
    }

    @Test
    void listIsShorterWhenFewerCandidatesThanItsLength() {
        double[] scores = {0.1, 0.2, 0.3, 0.4};
        TopKRanker.Ranking r = new TopKRanker(4, 10).rank(scores, 0, 0, new int[] {3}, 0);
        assertThat(r.top()).containsExactly(2, 1, 0);
        assertThat(r.targetRank()).isEqualTo(3);
    }

    @Test
    void readsTheQueryAtItsOffsetAndReusesBuffers() {
        double[] block = {9, 9, 9, 0.3, 0.1, 0.2};
        TopKRanker ranker = new TopKRanker(3, 2);
        TopKRanker.Ranking second = ranker.rank(block, 3, 1, new int[] {0}, 1);
        assertThat(second.top()).containsExactly(2, 1);
        assertThat(second.targetRank()).isEqualTo(2);
        // the exclusion of item 0 must not leak into the next query
        TopKRanker.Ranking first = ranker.rank(block, 0, 2, new int[0], 0);
        assertThat(first.top()).containsExactly(0, 1);
        assertThat(first.targetRank()).isEqualTo(3);
    }

    @Test
    void refusesNonFiniteScoresNamingRowAndItem() {
        TopKRanker ranker = new TopKRanker(3, 2);
        assertThatThrownBy(() -> ranker.rank(new double[] {0.1, Double.NaN, 0.3}, 0, 0, new int[0], 17))
                .isInstanceOfSatisfying(NonFiniteScoreException.class, e -> {
                    assertThat(e.query()).isEqualTo(17);
                    assertThat(e.item()).isEqualTo(1);
                })
                .hasMessageContaining("row 17").hasMessageContaining("item 1").hasMessageContaining("NaN");
        // an excluded item's bad score is refused too: the model is broken either way
        assertThatThrownBy(() -> ranker.rank(new double[] {0.1, 0.2, Double.NEGATIVE_INFINITY}, 0, 0,
                new int[] {2}, 3)).isInstanceOf(NonFiniteScoreException.class).hasMessageContaining("item 2");
        // and the failed query leaves no exclusion behind
        assertThat(ranker.rank(new double[] {0.1, 0.2, 0.3}, 0, 0, new int[0], 4).top()).containsExactly(2, 1);
    }

    @Test
    void refusesOutOfRangeItems() {
        TopKRanker ranker = new TopKRanker(3, 2);
        assertThatThrownBy(() -> ranker.rank(new double[3], 0, 3, new int[0], 5))
                .hasMessageContaining("row 5").hasMessageContaining("target item 3");
        assertThatThrownBy(() -> ranker.rank(new double[3], 0, 0, new int[] {7}, 5))
                .hasMessageContaining("excluded item 7");
    }

    /** The bounded selection agrees with a full sort on random queries with many ties. */
    @Test
    void matchesFullSortOnRandomScoresWithTies() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20240617L);
        for (int trial = 0; trial < 2000; trial++) {
            int numItems = 1 + rng.nextInt(60);
            int listLength = 1 + rng.nextInt(25);
            // few distinct values so that ties are common
            int levels = 1 + rng.nextInt(6);
            double[] scores = new double[numItems];
            for (int j = 0; j < numItems; j++) {
                scores[j] = rng.nextInt(levels) * 0.5 - 1;
            }
            int target = rng.nextInt(numItems);
            int[] excluded = IntStream.range(0, numItems).filter(j -> rng.nextInt(4) == 0).toArray();
            // the same exclusions listed twice, in reverse: order and repeats must not matter
            int[] listed = IntStream.concat(Arrays.stream(excluded), Arrays.stream(excluded).map(i -> -i).sorted()
                    .map(i -> -i)).toArray();

            TopKRanker.Ranking got = new TopKRanker(numItems, listLength).rank(scores, 0, target,
                    trial % 2 == 0 ? excluded : listed, trial);

            Integer[] order = IntStream.range(0, numItems)
                    .filter(j -> j == target || Arrays.binarySearch(excluded, j) < 0)
                    .boxed().toArray(Integer[]::new);
            Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -scores[j]).thenComparingInt(j -> j));
            int[] expectedTop = Arrays.stream(order).limit(listLength).mapToInt(Integer::intValue).toArray();
            int expectedRank = Arrays.asList(order).indexOf(target) + 1;

            assertThat(got.top()).as("trial %d", trial).containsExactly(expectedTop);
            assertThat(got.targetRank()).as("trial %d", trial).isEqualTo(expectedRank);

            Integer[] all = IntStream.range(0, numItems).boxed().toArray(Integer[]::new);
            Arrays.sort(all, Comparator.<Integer>comparingDouble(j -> -scores[j]).thenComparingInt(j -> j));
            assertThat(got.fullTop()).as("trial %d", trial)
                    .containsExactly(Arrays.stream(all).limit(listLength).mapToInt(Integer::intValue).toArray());
            assertThat(got.fullRank()).as("trial %d", trial).isEqualTo(Arrays.asList(all).indexOf(target) + 1);
        }
    }

    /**
     * The user's training songs are often the best-scored ones, so the candidates' list fills long
     * after the list of all items: excluding many of the top-scored items (sometimes the target,
     * sometimes all but a few items, so lists can be longer than the candidates) must still agree
     * with a sort, ties included.
     */
    @Test
    void matchesFullSortWhenTheBestItemsAreExcluded() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261127L);
        for (int trial = 0; trial < 1000; trial++) {
            // a third of the trials with at most 4 distinct scores, many ties
            int levels = 1 + rng.nextInt(trial % 3 == 0 ? 4 : 1000);
            double[] scores = rng.ints(1 + rng.nextInt(300), 0, levels).mapToDouble(v -> v - levels / 2.0).toArray();
            int numItems = scores.length;
            int listLength = 1 + rng.nextInt(30);
            Integer[] all = IntStream.range(0, numItems).boxed().toArray(Integer[]::new);
            Arrays.sort(all, Comparator.<Integer>comparingDouble(j -> -scores[j]).thenComparingInt(j -> j));
            // the best-scored items, each kept with probability 9/10, so some good ones stay in
            int excludedCount = rng.nextInt(numItems + 1);
            int[] excluded = Arrays.stream(all).limit(excludedCount).mapToInt(Integer::intValue)
                    .filter(j -> rng.nextInt(10) != 0).sorted().toArray();
            int target = trial % 4 == 0 && excluded.length > 0 ? excluded[rng.nextInt(excluded.length)] : rng.nextInt(numItems);

            TopKRanker.Ranking got = new TopKRanker(numItems, listLength).rank(scores, 0, target, excluded, trial);

            List<Integer> order = Arrays.asList(all);
            List<Integer> candidates = order.stream()
                    .filter(j -> j == target || Arrays.binarySearch(excluded, j) < 0).toList();
            TopKRanker.Ranking sorted = new TopKRanker.Ranking(candidates.indexOf(target) + 1,
                    head(candidates, listLength), order.indexOf(target) + 1, head(order, listLength));
            assertThat(got).as("trial %d", trial).usingRecursiveComparison().isEqualTo(sorted);
        }
    }

    /**
     * Long rows, where the ranker keeps each chunk's best score and reads again only the chunks that
     * can hold a listed item: against a sort by score then index, with -0.0 and 0.0 mixed (equal
     * scores: the smaller index first), whole runs of items excluded (the best of a chunk, or all
     * of it), exclusions listed twice, the target among them, and the query at an offset.
     */
    @Test
    void matchesASortOnLongRowsWithSignedZerosAndExcludedRuns() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(20261128L);
        double[] levels = {-0.0, 0.0, 1.5, -2.0, 3.0, Math.nextUp(3.0), -Double.MAX_VALUE, Double.MAX_VALUE};
        for (int trial = 0; trial < 300; trial++) {
            int numItems = 200 + rng.nextInt(2000);
            int listLength = 1 + rng.nextInt(25);
            int used = 2 + rng.nextInt(levels.length - 1);
            int offset = rng.nextInt(50);
            double[] row = new double[offset + numItems + rng.nextInt(5)];
            Arrays.fill(row, Double.NaN);
            for (int j = 0; j < numItems; j++) {
                row[offset + j] = trial % 2 == 0 ? levels[rng.nextInt(used)] : rng.nextInt(1000) / 8.0 - 60;
            }
            double[] scores = Arrays.copyOfRange(row, offset, offset + numItems);
            IntStream.Builder listed = IntStream.builder();
            for (int run = rng.nextInt(4); run > 0; run--) {
                int from = rng.nextInt(numItems);
                IntStream.range(from, Math.min(numItems, from + 1 + rng.nextInt(80))).forEach(listed::add);
            }
            rng.ints(rng.nextInt(30), 0, numItems).forEach(listed::add);
            int[] excluded = listed.build().toArray();
            if (trial % 3 == 0) {
                excluded = IntStream.concat(Arrays.stream(excluded), Arrays.stream(excluded)).toArray();
            }
            int target = trial % 4 == 0 && excluded.length > 0 ? excluded[rng.nextInt(excluded.length)]
                    : rng.nextInt(numItems);

            TopKRanker.Ranking got = new TopKRanker(numItems, listLength).rank(row, offset, target, excluded, trial);

            java.util.Set<Integer> out = new java.util.HashSet<>();
            Arrays.stream(excluded).forEach(out::add);
            out.remove(target);
            List<Integer> order = IntStream.range(0, numItems).boxed()
                    .sorted((a, b) -> scores[a] > scores[b] ? -1 : scores[a] < scores[b] ? 1 : Integer.compare(a, b))
                    .toList();
            List<Integer> candidates = order.stream().filter(j -> !out.contains(j)).toList();
            TopKRanker.Ranking sorted = new TopKRanker.Ranking(candidates.indexOf(target) + 1,
                    head(candidates, listLength), order.indexOf(target) + 1, head(order, listLength));
            assertThat(got).as("trial %d", trial).usingRecursiveComparison().isEqualTo(sorted);
        }
    }

    private static int[] head(List<Integer> order, int length) {
        return order.stream().limit(length).mapToInt(Integer::intValue).toArray();
    }

    /** A non-finite score anywhere, even behind a full list or on an excluded item, fails the query. */
    @Test
    void refusesANonFiniteScoreWhereverItIs() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        double[] bad = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        TopKRanker ranker = new TopKRanker(200, 5);
        for (int trial = 0; trial < 300; trial++) {
            double[] scores = rng.doubles(200).toArray();
            int item = rng.nextInt(200);
            scores[item] = bad[trial % 3];
            int[] excluded = trial % 2 == 0 ? new int[] {item} : new int[0];
            int query = trial;
            assertThatThrownBy(() -> ranker.rank(scores, 0, rng.nextInt(200), excluded, query))
                    .as("trial %d", trial)
                    .isInstanceOfSatisfying(NonFiniteScoreException.class, e -> {
                        assertThat(e.query()).isEqualTo(query);
                        assertThat(e.item()).isEqualTo(item);
                    });
        }
        // the failures leave no exclusion or list behind
        double[] rising = IntStream.range(0, 200).mapToDouble(j -> j).toArray();
        TopKRanker.Ranking r = ranker.rank(rising, 0, 0, new int[0], 0);
        assertThat(r.top()).containsExactly(199, 198, 197, 196, 195);
        assertThat(r.targetRank()).isEqualTo(200);
    }
}
