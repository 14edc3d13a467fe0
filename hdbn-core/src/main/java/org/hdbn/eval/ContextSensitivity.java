package org.hdbn.eval;

import java.util.Arrays;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.random.RandomStreams;

/**
 * How much a recommender's lists and scores move when only the context (for EmoMusicLJ: the
 * emotion) changes, measured on a seeded sample rather than every context of every triple:
 * <ol>
 *   <li>{@code triples} evaluation rows are drawn without replacement (all when there are fewer);</li>
 *   <li>for each, {@code others} contexts other than its own are drawn without replacement from all
 *       {@code numContexts} (all other contexts when there are fewer);</li>
 *   <li>each sampled triple is scored under its own context and under each drawn one.</li>
 * </ol>
 * Then, over the sampled (triple, other context) pairs:
 * <ul>
 *   <li>{@code overlapAll}: the mean share of the top-k among all items under the triple's own
 *       context that is also in the top-k under the other context ({@code |A ∩ B| / k}); 1 means
 *       the context changes nothing;</li>
 *   <li>{@code overlapUnseen}: the same for the top-k without the user's training items;</li>
 *   <li>{@code changedShare}: the share of pairs whose ordered top-k among all items differs;</li>
 *   <li>{@code contextSpread}: the mean over (sampled triple, item) of the standard deviation of the
 *       item's score across the triple's 1 + others contexts;</li>
 *   <li>{@code itemSpread}: the mean over sampled triples of the standard deviation of the scores
 *       across all items under the triple's own context;</li>
 *   <li>{@code spreadRatio = contextSpread / itemSpread}: how far the context moves a score,
 *       relative to how far scores are apart; 0 for a recommender that ignores the context.</li>
 * </ul>
 * Standard deviations divide by the number of values (population form).
 */
public final class ContextSensitivity {

    /**
     * The sampled queries: for sampled triple {@code t}, rows {@code t * (1 + others)} (its own
     * context) to {@code (t + 1) * (1 + others) - 1} (the drawn ones) of {@code queries}.
     *
     * @param rows     the sampled evaluation rows, ascending
     * @param others   other contexts per triple
     * @param queries  the expanded query rows
     */
    public record Sample(int[] rows, int others, Interactions queries) {

        /** Query rows per sampled triple. */
        public int group() {
            return 1 + others;
        }
    }

    /** The measurements; see the class comment. */
    public record Result(int triples, int others, int k, double overlapAll, double overlapUnseen, double changedShare,
            double contextSpread, double itemSpread, double spreadRatio) {
    }

    private ContextSensitivity() {
    }

    /**
     * Draws the sample.
     *
     * @param numContexts contexts are {@code 0 .. numContexts - 1}
     * @throws IllegalArgumentException if a triple's context is outside that range or the sizes are not positive
     */
    public static Sample sample(Interactions eval, int numContexts, int triples, int others, long seed) {
        if (triples < 1 || others < 1 || numContexts < 2) {
            throw new IllegalArgumentException("context sensitivity needs at least 1 triple, 1 other context and 2 "
                    + "contexts, got " + triples + ", " + others + ", " + numContexts);
        }
        UniformRandomProvider rng = RandomStreams.create(seed, "context-sensitivity");
        int[] rows = draw(eval.size(), Math.min(triples, eval.size()), rng);
        Arrays.sort(rows);
        int r = Math.min(others, numContexts - 1);
        int group = 1 + r;
        int[] users = new int[rows.length * group];
        int[] items = new int[users.length];
        int[] contexts = new int[users.length];
        for (int t = 0; t < rows.length; t++) {
            int row = rows[t];
            int own = eval.contexts()[row];
            if (own < 0 || own >= numContexts) {
                throw new IllegalArgumentException("evaluation row " + row + ": context " + own + " outside 0.."
                        + (numContexts - 1));
            }
            // draw r of the other numContexts - 1 contexts: indexes past the own context shift by one
            int[] picked = draw(numContexts - 1, r, rng);
            for (int c = 0; c < group; c++) {
                users[t * group + c] = eval.users()[row];
                items[t * group + c] = eval.items()[row];
                contexts[t * group + c] = c == 0 ? own : picked[c - 1] >= own ? picked[c - 1] + 1 : picked[c - 1];
            }
        }
        return new Sample(rows, r, new Interactions(users, items, contexts));
    }

    /** {@code count} distinct values of {@code 0 .. n-1} (partial Fisher-Yates). */
    private static int[] draw(int n, int count, UniformRandomProvider rng) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, count);
    }

    /**
     * Scores the sample and measures it.
     *
     * @param scorers the recommender: a scorer for given query rows
     * @param k       list length compared, at least 1
     */
    public static Result measure(Sample sample, Function<Interactions, BlockScorer> scorers, SeenItems train, int k) {
        BlockScorer scorer = scorers.apply(sample.queries());
        int n = scorer.numItems();
        int group = sample.group();
        int listLength = Math.min(k, n);
        double[] scores = new double[Math.multiplyExact(group, n)];
        TopKRanker ranker = new TopKRanker(n, listLength);
        double overlapAll = 0;
        double overlapUnseen = 0;
        double changed = 0;
        double contextSpread = 0;
        double itemSpread = 0;
        int triples = sample.rows().length;
        for (int t = 0; t < triples; t++) {
            scorer.score(t * group, (t + 1) * group, scores);
            int user = sample.queries().users()[t * group];
            int[] seen = train.itemsOf(user);
            int candidate = firstUnseen(seen, n);
            int[][] all = new int[group][];
            int[][] unseen = new int[group][];
            for (int c = 0; c < group; c++) {
                TopKRanker.Ranking r = ranker.rank(scores, c * n, candidate < 0 ? 0 : candidate, seen, t * group + c);
                all[c] = r.fullTop();
                unseen[c] = candidate < 0 ? new int[0] : r.top();
            }
            for (int c = 1; c < group; c++) {
                overlapAll += overlap(all[0], all[c], listLength);
                overlapUnseen += overlap(unseen[0], unseen[c], listLength);
                changed += Arrays.equals(all[0], all[c]) ? 0 : 1;
            }
            contextSpread += contextStd(scores, group, n);
            itemSpread += std(scores, 0, n);
        }
        int pairs = triples * sample.others();
        double cs = contextSpread / triples;
        double is = itemSpread / triples;
        return new Result(triples, sample.others(), listLength, overlapAll / pairs, overlapUnseen / pairs,
                changed / pairs, cs, is, is > 0 ? cs / is : 0);
    }

    /** The first item not in the sorted {@code seen}, or -1 when the user has seen every item. */
    private static int firstUnseen(int[] seen, int n) {
        for (int j = 0; j < n; j++) {
            if (Arrays.binarySearch(seen, j) < 0) {
                return j;
            }
        }
        return -1;
    }

    /** {@code |a ∩ b| / k}; lists hold distinct items. */
    static double overlap(int[] a, int[] b, int k) {
        int[] sorted = b.clone();
        Arrays.sort(sorted);
        int common = 0;
        for (int x : a) {
            common += Arrays.binarySearch(sorted, x) >= 0 ? 1 : 0;
        }
        return (double) common / k;
    }

    /** The mean over items of the standard deviation of the item's score across the group's rows. */
    private static double contextStd(double[] scores, int group, int n) {
        double sum = 0;
        for (int j = 0; j < n; j++) {
            // deviations from the first context's score, so equal scores give exactly 0
            double first = scores[j];
            double mean = 0;
            for (int c = 0; c < group; c++) {
                mean += scores[c * n + j] - first;
            }
            mean /= group;
            double ss = 0;
            for (int c = 0; c < group; c++) {
                double d = scores[c * n + j] - first - mean;
                ss += d * d;
            }
            sum += Math.sqrt(ss / group);
        }
        return sum / n;
    }

    private static double std(double[] v, int offset, int n) {
        double mean = 0;
        for (int j = 0; j < n; j++) {
            mean += v[offset + j];
        }
        mean /= n;
        double ss = 0;
        for (int j = 0; j < n; j++) {
            double d = v[offset + j] - mean;
            ss += d * d;
        }
        return Math.sqrt(ss / n);
    }
}
