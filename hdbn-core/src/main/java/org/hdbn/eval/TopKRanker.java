package org.hdbn.eval;

import java.util.Arrays;
import org.hdbn.tensor.VectorApi;

/**
 * Ranks the candidates of one query at a time: the best {@code listLength} candidates in order, and
 * the target's rank among all candidates, in O(numItems log listLength) without sorting. Each query
 * is ranked twice from the same scores: among the candidates left after the exclusions, and among
 * all items ({@link Protocol#FULL}); both from one pass over the scores, which counts and keeps each
 * chunk's best score, and a second over the few chunks that can hold a listed item.
 *
 * <p>Order: higher score first; equal scores put the smaller item index first, so rankings are
 * deterministic. Candidates are all items except the excluded ones; the target is always a
 * candidate, even when excluded (the {@link Protocol#PAPER} rule). Its rank is one plus the number
 * of candidates ordered before it.
 *
 * <p>Holds scratch buffers, so one instance serves one thread; create one per thread.
 */
public final class TopKRanker {

    /**
     * The outcome for one query.
     *
     * @param targetRank 1-based rank of the target among the candidates
     * @param top the best candidates, best first; shorter than the list length only when there
     *     are fewer candidates
     * @param fullRank 1-based rank of the target among all items, nothing excluded
     * @param fullTop the best items among all items, best first
     */
    public record Ranking(int targetRank, int[] top, int fullRank, int[] fullTop) {
    }

    // items per chunk (a power of two): the pass keeps each chunk's best score
    static final int CHUNK_SHIFT = 5;
    static final int CHUNK = 1 << CHUNK_SHIFT;
    // the counting pass: on the Vector API where this JVM has it, else scalar (the same results)
    private static final ChunkScan SCAN = VectorApi.load("org.hdbn.eval.VectorChunkScan", ChunkScan.class,
            ScalarChunkScan.INSTANCE);

    private final int numItems;
    private final int listLength;
    // per chunk of items: the best score, and the best among the candidates
    private final double[] chunkBest;
    private final double[] candidateChunkBest;
    // scratch: the listLength best chunk scores seen, ascending
    private final double[] bestChunks;
    private final boolean[] excluded;
    // scratch: excluded items already taken out of the count (an item may be listed twice)
    private final boolean[] takenOut;
    // the best candidates (exclusions applied) and the best of all items
    private final TopList candidates;
    private final TopList all;
    // finite scores seen in this query's pass; counted with integer adds, as a floating-point sum
    // (0 * score is NaN only for a non-finite score) would chain each item's add on the last's
    private int finite;
    private double[] scores;
    private int offset;

    /**
     * @param numItems number of items per query, at least 1
     * @param listLength length of the recommendation list, at least 1
     */
    public TopKRanker(int numItems, int listLength) {
        if (numItems < 1) {
            throw new IllegalArgumentException("numItems must be at least 1, got " + numItems);
        }
        if (listLength < 1) {
            throw new IllegalArgumentException("listLength must be at least 1, got " + listLength);
        }
        this.numItems = numItems;
        this.listLength = listLength;
        int chunks = (numItems + CHUNK - 1) >>> CHUNK_SHIFT;
        this.chunkBest = new double[chunks];
        this.candidateChunkBest = new double[chunks];
        this.bestChunks = new double[listLength];
        this.excluded = new boolean[numItems];
        this.takenOut = new boolean[numItems];
        this.candidates = new TopList(listLength);
        this.all = new TopList(listLength);
    }

    /** Number of items per query. */
    public int numItems() {
        return numItems;
    }

    /** Length of the recommendation list. */
    public int listLength() {
        return listLength;
    }

    /**
     * Ranks one query.
     *
     * @param scores holds item {@code j}'s score at {@code scores[offset + j]}; not modified
     * @param offset start of this query's scores
     * @param target the target item
     * @param excludedItems items removed from the candidates (except the target); any order
     * @param query evaluation row, only used in error messages
     * @throws NonFiniteScoreException if any of the query's scores is NaN or infinite
     * @throws IllegalArgumentException if the target or an excluded item is out of range
     */
    public Ranking rank(double[] scores, int offset, int target, int[] excludedItems, int query) {
        if (target < 0 || target >= numItems) {
            throw new IllegalArgumentException("evaluation query row " + query + ": target item "
                    + target + " outside 0.." + (numItems - 1));
        }
        if (offset < 0 || offset > scores.length - numItems) {
            throw new IllegalArgumentException("evaluation query row " + query + ": " + numItems
                    + " scores from offset " + offset + " do not fit an array of " + scores.length);
        }
        for (int item : excludedItems) {
            if (item < 0 || item >= numItems) {
                throw new IllegalArgumentException("evaluation query row " + query
                        + ": excluded item " + item + " outside 0.." + (numItems - 1));
            }
            excluded[item] = true;
        }
        this.scores = scores;
        this.offset = offset;
        try {
            return scan(target, query, excludedItems);
        } finally {
            for (int item : excludedItems) {
                excluded[item] = false;
            }
            this.scores = null;
        }
    }

    private Ranking scan(int target, int query, int[] excludedItems) {
        double targetScore = scores[offset + target];
        boolean exclusions = excludedItems.length > 0;
        finite = 0;
        Arrays.fill(chunkBest, Double.NEGATIVE_INFINITY);
        // one pass over the scores counts the items before the target, checks the scores and keeps
        // each chunk's best. Candidates before the target: a higher score, or an equal one at a
        // smaller index (s >= t is s > nextDown(t) for every finite t); counted over all items, then
        // the excluded ones taken back out
        int before = count(0, target, Math.nextDown(targetScore)) + count(target, numItems, targetScore);
        if (finite != numItems) {
            for (int j = 0; j < numItems; j++) {
                if (!Double.isFinite(scores[offset + j])) {
                    throw new NonFiniteScoreException(query, j, scores[offset + j]);
                }
            }
        }
        fillLists(target, excludedItems, exclusions);
        int fullBefore = before;
        for (int item : excludedItems) {
            double s = scores[offset + item];
            if (item != target && (item < target ? s >= targetScore : s > targetScore) && excluded[item]) {
                before--;
                // an item listed twice is taken out once
                excluded[item] = false;
                takenOut[item] = true;
            }
        }
        for (int item : excludedItems) {
            if (takenOut[item]) {
                excluded[item] = true;
                takenOut[item] = false;
            }
        }
        int[] fullTop = all.drain();
        // without exclusions both lists are the same
        int[] top = exclusions ? candidates.drain() : fullTop;
        return new Ranking(before + 1, top, fullBefore + 1, fullTop);
    }

    /**
     * Items {@code [from, to)}: counts those scoring above {@code bound}, adds the finite ones to
     * {@link #finite} and raises each chunk's best score to the best of these items.
     */
    private int count(int from, int to, double bound) {
        long counts = SCAN.scan(scores, offset, from, to, bound, chunkBest);
        finite += ChunkScan.finite(counts);
        return ChunkScan.above(counts);
    }

    /**
     * Fills both lists from finite scores. The floor is the {@code listLength}-th best of the
     * chunks' best candidates: {@code listLength} candidates (one per chunk) score at least that,
     * so a candidate below it enters neither list (the full list's entry is never lower, as its
     * items are the best of a superset). Only chunks whose best reaches the floor are read again,
     * and their items offered in index order when they reach both the floor and the candidates'
     * entry score (which, once the list is full, an item must beat).
     */
    private void fillLists(int target, int[] excludedItems, boolean exclusions) {
        candidates.start(scores, offset);
        all.start(scores, offset);
        System.arraycopy(chunkBest, 0, candidateChunkBest, 0, chunkBest.length);
        for (int item : excludedItems) {
            int chunk = item >>> CHUNK_SHIFT;
            candidateChunkBest[chunk] = bestCandidate(chunk, target);
        }
        // s >= floor is s > nextDown(floor), as for the target's rank
        double floor = Math.nextDown(listLengthBest(candidateChunkBest));
        double[] s = scores;
        int base = offset;
        double gate = floor;
        for (int chunk = 0; chunk < chunkBest.length; chunk++) {
            if (chunkBest[chunk] > floor) {
                int end = Math.min(numItems, (chunk + 1) << CHUNK_SHIFT);
                for (int j = chunk << CHUNK_SHIFT; j < end; j++) {
                    double x = s[base + j];
                    if (x > gate) {
                        gate = Math.max(offer(j, x, target, exclusions), floor);
                    }
                }
            }
        }
    }

    /** The best score of a chunk's candidates (the target is one even when excluded). */
    private double bestCandidate(int chunk, int target) {
        double best = Double.NEGATIVE_INFINITY;
        int end = Math.min(numItems, (chunk + 1) << CHUNK_SHIFT);
        for (int j = chunk << CHUNK_SHIFT; j < end; j++) {
            double x = scores[offset + j];
            if ((j == target || !excluded[j]) && x > best) {
                best = x;
            }
        }
        return best;
    }

    /** The {@code listLength}-th largest of the chunks' values; minus infinity with fewer chunks. */
    private double listLengthBest(double[] values) {
        int k = bestChunks.length;
        if (values.length < k) {
            return Double.NEGATIVE_INFINITY;
        }
        System.arraycopy(values, 0, bestChunks, 0, k);
        Arrays.sort(bestChunks);
        for (int c = k; c < values.length; c++) {
            double v = values[c];
            if (v > bestChunks[0]) {
                // insertion into the ascending list, dropping its smallest
                int p = 0;
                while (p + 1 < k && bestChunks[p + 1] < v) {
                    bestChunks[p] = bestChunks[p + 1];
                    p++;
                }
                bestChunks[p] = v;
            }
        }
        return bestChunks[0];
    }

    /** Offers item j to the lists; returns the new score an item must beat to enter either. */
    private double offer(int j, double score, int target, boolean exclusions) {
        all.offer(j, score);
        if (!exclusions) {
            return all.entry();
        }
        if (j == target || !excluded[j]) {
            candidates.offer(j, score);
        }
        return candidates.entry();
    }

    /**
     * The best {@code listLength} of the items offered in index order, kept in a min-heap on
     * quality ({@code heap[0]} the worst kept). Since items come in index order, an item tying the
     * worst kept one loses to it (the smaller index).
     */
    private static final class TopList {
        private final int[] heap;
        private int size;
        // once the list is full: the score of its worst item, which an item must beat to enter
        private double entry;
        private double[] scores;
        private int offset;

        TopList(int listLength) {
            this.heap = new int[listLength];
        }

        void start(double[] scores, int offset) {
            this.scores = scores;
            this.offset = offset;
            size = 0;
            entry = Double.NEGATIVE_INFINITY;
        }

        double entry() {
            return entry;
        }

        void offer(int j, double score) {
            if (size < heap.length) {
                heap[size] = j;
                siftUp(size++);
            } else if (score > entry) {
                heap[0] = j;
                siftDown(0);
            } else {
                return;
            }
            if (size == heap.length) {
                entry = scores[offset + heap[0]];
            }
        }

        /** The list, best first; empties the heap. */
        int[] drain() {
            int[] top = new int[size];
            // popping the worst each time fills the list from its end
            for (int k = size - 1; k >= 0; k--) {
                top[k] = heap[0];
                heap[0] = heap[k];
                size = k;
                siftDown(0);
            }
            return top;
        }

        /** Whether item a is ordered before item b. */
        private boolean better(int a, int b) {
            double sa = scores[offset + a];
            double sb = scores[offset + b];
            return sa > sb || (sa == sb && a < b);
        }

        private void siftUp(int k) {
            int item = heap[k];
            while (k > 0) {
                int parent = (k - 1) >>> 1;
                if (!better(heap[parent], item)) {
                    break;
                }
                heap[k] = heap[parent];
                k = parent;
            }
            heap[k] = item;
        }

        private void siftDown(int k) {
            if (size == 0) {
                return;
            }
            int item = heap[k];
            int half = size >>> 1;
            while (k < half) {
                int child = 2 * k + 1;
                int right = child + 1;
                if (right < size && better(heap[child], heap[right])) {
                    child = right;
                }
                if (!better(item, heap[child])) {
                    break;
                }
                heap[k] = heap[child];
                k = child;
            }
            heap[k] = item;
        }
    }
}
