package org.hdbn.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The items each user interacted with in training, as one sorted, duplicate-free {@code int[]}
 * per user. Ranking evaluation uses it to remove already-seen items from a user's candidates.
 *
 * <p>Immutable once built. Users at or above {@link #userBound()} have no items.
 */
public final class SeenItems implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final int[] NONE = new int[0];

    private final int[][] itemsByUser;
    private final int itemBound;

    private SeenItems(int[][] itemsByUser, int itemBound) {
        this.itemsByUser = itemsByUser;
        this.itemBound = itemBound;
    }

    /**
     * Indexes the (user, item) pairs of the given interactions; contexts are ignored and repeated
     * pairs count once.
     *
     * @throws IllegalArgumentException if a user or item index is negative, naming the row
     */
    public static SeenItems of(Interactions train) {
        int[] users = train.users();
        int[] items = train.items();
        for (int r = 0; r < users.length; r++) {
            if (users[r] < 0 || items[r] < 0) {
                throw new IllegalArgumentException("training row " + r + ": negative index (user "
                        + users[r] + ", item " + items[r] + ")");
            }
        }
        int userBound = train.userBound();
        int[] counts = new int[userBound];
        for (int u : users) {
            counts[u]++;
        }
        int[][] byUser = new int[userBound][];
        for (int u = 0; u < userBound; u++) {
            byUser[u] = counts[u] == 0 ? NONE : new int[counts[u]];
        }
        int[] fill = new int[userBound];
        for (int r = 0; r < users.length; r++) {
            byUser[users[r]][fill[users[r]]++] = items[r];
        }
        for (int u = 0; u < userBound; u++) {
            byUser[u] = sortedUnique(byUser[u]);
        }
        return new SeenItems(byUser, train.itemBound());
    }

    private static int[] sortedUnique(int[] a) {
        if (a.length < 2) {
            return a;
        }
        Arrays.sort(a);
        int n = 1;
        for (int k = 1; k < a.length; k++) {
            if (a[k] != a[n - 1]) {
                a[n++] = a[k];
            }
        }
        return n == a.length ? a : Arrays.copyOf(a, n);
    }

    /** Whether {@code user} interacted with {@code item} in training. */
    public boolean contains(int user, int item) {
        return Arrays.binarySearch(itemsOf(user), item) >= 0;
    }

    /**
     * The user's training items in ascending order, empty for an unknown user. The array is shared,
     * not copied: callers must not modify it.
     */
    public int[] itemsOf(int user) {
        return user >= 0 && user < itemsByUser.length ? itemsByUser[user] : NONE;
    }

    /** One more than the largest user index with training items, 0 when empty. */
    public int userBound() {
        return itemsByUser.length;
    }

    /** One more than the largest training item index, 0 when empty. */
    public int itemBound() {
        return itemBound;
    }

    /** Number of distinct (user, item) pairs. */
    public long size() {
        long n = 0;
        for (int[] items : itemsByUser) {
            n += items.length;
        }
        return n;
    }
}
