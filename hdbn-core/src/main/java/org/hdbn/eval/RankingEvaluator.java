package org.hdbn.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hdbn.concurrent.TaskRunner;
import org.hdbn.concurrent.ThreadTaskRunner;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;

/**
 * Full-ranking evaluation: every evaluation triple ranks all items by the model's scores, once
 * without the user's training items and once with them; one pass gives the metrics of every
 * {@link Protocol} and both recommended lists. Metrics are HR@k, P@k and NDCG@k for each cutoff k, and MRR@L where L is the
 * list length (see {@link Metric}); the recommended list is the top L candidates.
 *
 * <p>Immutable configuration; {@link #evaluate} holds no state between calls.
 */
public final class RankingEvaluator {

    /** Cutoffs reported by the HDBN paper. */
    public static final List<Integer> DEFAULT_CUTOFFS = List.of(5, 10, 15, 20);
    /** Queries scored per {@link BlockScorer#score} call unless configured otherwise. */
    public static final int DEFAULT_BLOCK_SIZE = 256;

    private final int[] cutoffs;
    private final int listLength;
    private final int blockSize;
    private final List<Metric> metrics;

    /**
     * @param cutoffs the k of HR@k, P@k, NDCG@k; distinct, each in 1..listLength
     * @param listLength length of the recommended lists and the K of MRR@K, at least 1
     * @param blockSize queries per scoring call, at least 1
     * @throws IllegalArgumentException naming the offending value
     */
    public RankingEvaluator(List<Integer> cutoffs, int listLength, int blockSize) {
        Objects.requireNonNull(cutoffs, "cutoffs");
        if (listLength < 1) {
            throw new IllegalArgumentException("listLength must be at least 1, got " + listLength);
        }
        if (blockSize < 1) {
            throw new IllegalArgumentException("blockSize must be at least 1, got " + blockSize);
        }
        if (cutoffs.isEmpty()) {
            throw new IllegalArgumentException("cutoffs must not be empty");
        }
        int[] sorted = cutoffs.stream().mapToInt(Integer::intValue).sorted().toArray();
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 1 || sorted[i] > listLength) {
                throw new IllegalArgumentException("cutoff " + sorted[i] + " outside 1..listLength ("
                        + listLength + "); a list of " + listLength + " items cannot show it");
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("cutoff " + sorted[i] + " given twice");
            }
        }
        this.cutoffs = sorted;
        this.listLength = listLength;
        this.blockSize = blockSize;
        List<Metric> m = new ArrayList<>();
        for (int k : sorted) {
            m.add(new Metric(Metric.Kind.HR, k));
            m.add(new Metric(Metric.Kind.PRECISION, k));
            m.add(new Metric(Metric.Kind.NDCG, k));
        }
        m.add(new Metric(Metric.Kind.MRR, listLength));
        this.metrics = List.copyOf(m);
    }

    /** Cutoffs 5, 10, 15, 20, lists of 20, blocks of {@value #DEFAULT_BLOCK_SIZE}. */
    public static RankingEvaluator withDefaults() {
        return new RankingEvaluator(DEFAULT_CUTOFFS, 20, DEFAULT_BLOCK_SIZE);
    }

    /** The given cutoffs, lists as long as the largest, default block size. */
    public static RankingEvaluator forCutoffs(int... cutoffs) {
        List<Integer> list = Arrays.stream(cutoffs).boxed().toList();
        int max = Arrays.stream(cutoffs).max().orElse(1);
        return new RankingEvaluator(list, max, DEFAULT_BLOCK_SIZE);
    }

    /** This configuration with another block size. */
    public RankingEvaluator withBlockSize(int size) {
        return new RankingEvaluator(cutoffs(), listLength, size);
    }

    /** The cutoffs, ascending. */
    public List<Integer> cutoffs() {
        return Arrays.stream(cutoffs).boxed().toList();
    }

    public int listLength() {
        return listLength;
    }

    public int blockSize() {
        return blockSize;
    }

    /** The metrics computed, in table order: HR, P, NDCG per cutoff, then MRR@listLength. */
    public List<Metric> metrics() {
        return metrics;
    }

    /**
     * Ranks all items for every row of {@code eval}.
     *
     * @param scorer scores query rows of {@code eval}, in order
     * @param eval the evaluation triples; the context column is passed through untouched
     * @param train each user's training items, removed from that user's candidates
     * @throws NonFiniteScoreException if the scorer produces a NaN or infinite score
     * @throws IllegalArgumentException if an index in {@code eval} or {@code train} is outside the
     *     scorer's item range, naming the row or item
     */
    public EvaluationResult evaluate(BlockScorer scorer, Interactions eval, SeenItems train) {
        return evaluate(scorer, eval, train, 1);
    }

    /**
     * {@link #evaluate(BlockScorer, Interactions, SeenItems)} on up to {@code threads} threads, each
     * scoring and ranking its own share of the blocks with its own buffers; the result is the same.
     */
    public EvaluationResult evaluate(BlockScorer scorer, Interactions eval, SeenItems train, int threads) {
        return rank(scorer, eval, null, train, threads);
    }

    /**
     * {@link #evaluate(BlockScorer, Interactions, SeenItems, int)} with the triples scored grouped by
     * user: {@code scorers} gets the triples ordered by user (one user's in their order in
     * {@code eval}) and the result is in the order of {@code eval}, rows named as there. A score
     * term that computes one row per user, such as an item-item model's, then shares it among the
     * user's triples in a block instead of computing it per triple (EmoMusicLJ's 15,475 validation
     * triples have 9,855 users). The ranks and lists are those of {@code evaluate} whenever a
     * query's scores do not depend on the queries scored beside it.
     *
     * @param scorers the recommender: a scorer for given query rows
     */
    public EvaluationResult evaluateByUser(Function<Interactions, BlockScorer> scorers, Interactions eval,
            SeenItems train, int threads) {
        int[] order = orderByUser(eval.users());
        Interactions grouped = eval.select(order);
        return rank(scorers.apply(grouped), grouped, order, train, threads);
    }

    /**
     * The rows of {@code users} ordered by user, one user's rows in their given order (a counting
     * sort); a negative user is refused naming its row.
     */
    static int[] orderByUser(int[] users) {
        int bound = 0;
        for (int q = 0; q < users.length; q++) {
            if (users[q] < 0) {
                throw new IllegalArgumentException("evaluation row " + q + ": negative user " + users[q]);
            }
            bound = Math.max(bound, users[q] + 1);
        }
        int[] start = new int[bound + 1];
        for (int u : users) {
            start[u + 1]++;
        }
        for (int u = 0; u < bound; u++) {
            start[u + 1] += start[u];
        }
        int[] order = new int[users.length];
        for (int q = 0; q < users.length; q++) {
            order[start[users[q]]++] = q;
        }
        return order;
    }

    /**
     * Scores and ranks the rows of {@code eval} in blocks; row {@code q} is reported (in the result
     * and in errors) as row {@code rowOf[q]}, or as {@code q} when {@code rowOf} is null.
     */
    private EvaluationResult rank(BlockScorer scorer, Interactions eval, int[] rowOf, SeenItems train, int threads) {
        int numItems = scorer.numItems();
        if (numItems < 1) {
            throw new IllegalArgumentException("scorer has no items (numItems " + numItems + ")");
        }
        if (train.itemBound() > numItems) {
            throw new IllegalArgumentException("training data has item " + (train.itemBound() - 1)
                    + " but the scorer scores only items 0.." + (numItems - 1));
        }
        int n = eval.size();
        Rankings out = new Rankings(n);
        int blocks = (n + blockSize - 1) / blockSize;
        int parts = Math.max(1, Math.min(threads, blocks));
        TaskRunner runner = parts == 1 ? TaskRunner.sequential() : new ThreadTaskRunner(parts);
        // each part a contiguous run of blocks with its own ranker and score buffer
        runner.run(parts, part -> {
            TopKRanker ranker = new TopKRanker(numItems, listLength);
            double[] scores = new double[Math.multiplyExact(Math.min(blockSize, Math.max(n, 1)), numItems)];
            for (int block = blocks * part / parts; block < blocks * (part + 1) / parts; block++) {
                int from = block * blockSize;
                int to = Math.min(n, from + blockSize);
                scorer.score(from, to, scores);
                rankBlock(ranker, scores, from, to, eval, rowOf, train, out);
            }
        });
        return new EvaluationResult(metrics, listLength, out.ranks, out.lists, out.fullRanks, out.fullLists, out.seen);
    }

    /** Per evaluation row: the ranks and lists with and without exclusions, and whether the target was seen. */
    private static final class Rankings {
        final int[] ranks;
        final int[][] lists;
        final int[] fullRanks;
        final int[][] fullLists;
        final boolean[] seen;

        Rankings(int n) {
            ranks = new int[n];
            lists = new int[n][];
            fullRanks = new int[n];
            fullLists = new int[n][];
            seen = new boolean[n];
        }
    }

    /**
     * Ranks queries {@code [from, to)} whose scores fill {@code scores} row-major, writing their
     * ranks, lists and seen flags at their rows ({@code rowOf[q]}, or {@code q} when it is null).
     * Touches only those rows and the ranker's buffers, so disjoint blocks can run on separate
     * threads, each with its own ranker.
     */
    private static void rankBlock(TopKRanker ranker, double[] scores, int from, int to, Interactions eval, int[] rowOf,
            SeenItems train, Rankings out) {
        int numItems = ranker.numItems();
        for (int q = from; q < to; q++) {
            int row = rowOf == null ? q : rowOf[q];
            int user = eval.users()[q];
            int target = eval.items()[q];
            if (user < 0) {
                throw new IllegalArgumentException("evaluation row " + row + ": negative user " + user);
            }
            int[] userItems = train.itemsOf(user);
            TopKRanker.Ranking ranking = ranker.rank(scores, (q - from) * numItems, target, userItems, row);
            out.ranks[row] = ranking.targetRank();
            out.lists[row] = ranking.top();
            out.fullRanks[row] = ranking.fullRank();
            out.fullLists[row] = ranking.fullTop();
            out.seen[row] = Arrays.binarySearch(userItems, target) >= 0;
        }
    }
}
