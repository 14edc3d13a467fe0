package org.hdbn.examples.recommender;

import java.util.Arrays;
import org.hdbn.data.Interactions;

/**
 * How often each user played each song in training, in total ({@code c(u, i)}) and under each
 * emotion tag ({@code c(u, i, e)}), stored sparsely: per user the distinct (tag, song) pairs sorted
 * by tag then song, with their counts, and the distinct songs with their totals. Lookups cost a
 * binary search over one user's pairs, so a scorer can add counts to a user's own songs without a
 * dense users x songs matrix.
 *
 * <p>Immutable; arrays handed out are shared and must not be modified.
 */
public final class PlayCounts {

    private static final int[] NO_ITEMS = new int[0];
    private static final double[] NO_COUNTS = new double[0];

    // per user: distinct songs ascending and c(u, i)
    private final int[][] songs;
    private final double[][] totals;
    // per user: distinct (tag, song) pairs sorted by tag then song, and c(u, i, e)
    private final int[][] pairTags;
    private final int[][] pairSongs;
    private final double[][] pairCounts;

    private PlayCounts(int[][] songs, double[][] totals, int[][] pairTags, int[][] pairSongs, double[][] pairCounts) {
        this.songs = songs;
        this.totals = totals;
        this.pairTags = pairTags;
        this.pairSongs = pairSongs;
        this.pairCounts = pairCounts;
    }

    /**
     * Counts the training triples.
     *
     * @throws IllegalArgumentException if an index is negative, naming the row
     */
    public static PlayCounts of(Interactions train) {
        int n = train.size();
        int userBound = train.userBound();
        int[] perUser = new int[userBound];
        for (int r = 0; r < n; r++) {
            if (train.users()[r] < 0 || train.items()[r] < 0 || train.contexts()[r] < 0) {
                throw new IllegalArgumentException("training row " + r + ": negative index (user " + train.users()[r]
                        + ", song " + train.items()[r] + ", tag " + train.contexts()[r] + ")");
            }
            perUser[train.users()[r]]++;
        }
        // each user's triples as (tag, song) keys, sorted, then run-length counted
        long[][] keys = new long[userBound][];
        for (int u = 0; u < userBound; u++) {
            keys[u] = new long[perUser[u]];
        }
        int[] fill = new int[userBound];
        for (int r = 0; r < n; r++) {
            int u = train.users()[r];
            keys[u][fill[u]++] = ((long) train.contexts()[r] << 32) | train.items()[r];
        }
        int[][] songs = new int[userBound][];
        double[][] totals = new double[userBound][];
        int[][] pairTags = new int[userBound][];
        int[][] pairSongs = new int[userBound][];
        double[][] pairCounts = new double[userBound][];
        for (int u = 0; u < userBound; u++) {
            long[] k = keys[u];
            Arrays.sort(k);
            int distinct = 0;
            for (int j = 0; j < k.length; j++) {
                distinct += j == 0 || k[j] != k[j - 1] ? 1 : 0;
            }
            pairTags[u] = new int[distinct];
            pairSongs[u] = new int[distinct];
            pairCounts[u] = new double[distinct];
            int p = -1;
            for (int j = 0; j < k.length; j++) {
                if (j == 0 || k[j] != k[j - 1]) {
                    p++;
                    pairTags[u][p] = (int) (k[j] >>> 32);
                    pairSongs[u][p] = (int) k[j];
                }
                pairCounts[u][p]++;
            }
            songTotals(u, pairSongs[u], pairCounts[u], songs, totals);
        }
        return new PlayCounts(songs, totals, pairTags, pairSongs, pairCounts);
    }

    private static void songTotals(int u, int[] pairSong, double[] pairCount, int[][] songs, double[][] totals) {
        int[] sorted = pairSong.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int j = 0; j < sorted.length; j++) {
            if (j == 0 || sorted[j] != sorted[j - 1]) {
                sorted[distinct++] = sorted[j];
            }
        }
        songs[u] = Arrays.copyOf(sorted, distinct);
        totals[u] = new double[distinct];
        for (int p = 0; p < pairSong.length; p++) {
            totals[u][Arrays.binarySearch(songs[u], pairSong[p])] += pairCount[p];
        }
    }

    /** The user's distinct training songs, ascending (empty for an unknown user). */
    public int[] songsOf(int user) {
        return inRange(user) ? songs[user] : NO_ITEMS;
    }

    /** {@code c(u, i)} for the songs of {@link #songsOf}, in the same order. */
    public double[] totalsOf(int user) {
        return inRange(user) ? totals[user] : NO_COUNTS;
    }

    /** {@code c(u, i)}: the user's training triples with that song. */
    public double count(int user, int song) {
        int k = Arrays.binarySearch(songsOf(user), song);
        return k >= 0 ? totals[user][k] : 0;
    }

    /** {@code c(u, i, e)}: the user's training triples with that song and tag. */
    public double count(int user, int song, int tag) {
        int[] range = tagRange(user, tag);
        if (range[0] == range[1]) {
            return 0;
        }
        int k = Arrays.binarySearch(pairSongs[user], range[0], range[1], song);
        return k >= 0 ? pairCounts[user][k] : 0;
    }

    /**
     * Calls {@code visit} with each song the user played under the tag and {@code c(u, i, e)},
     * songs ascending.
     */
    public void forEachUnderTag(int user, int tag, SongCount visit) {
        int[] range = tagRange(user, tag);
        for (int p = range[0]; p < range[1]; p++) {
            visit.accept(pairSongs[user][p], pairCounts[user][p]);
        }
    }

    /** A song and its count. */
    @FunctionalInterface
    public interface SongCount {
        void accept(int song, double count);
    }

    /** The half-open range of the user's pairs with that tag. */
    private int[] tagRange(int user, int tag) {
        if (!inRange(user)) {
            return new int[] {0, 0};
        }
        int[] tags = pairTags[user];
        return new int[] {lowerBound(tags, tag), lowerBound(tags, tag + 1)};
    }

    private static int lowerBound(int[] a, int key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private boolean inRange(int user) {
        return user >= 0 && user < songs.length;
    }
}
