package org.hdbn.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Interaction triples (user, item, context) as three parallel columns of 0-based indexes. The
 * context is any categorical condition of the interaction (for EmoMusicLJ: the emotion tag); core
 * gives it no meaning. Row {@code r} is the triple {@code (users[r], items[r], contexts[r])}.
 *
 * <p>The arrays are not copied: callers own them and must not mutate them after construction.
 */
public record Interactions(int[] users, int[] items, int[] contexts) {

    public Interactions {
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(items, "items");
        Objects.requireNonNull(contexts, "contexts");
        if (users.length != items.length || users.length != contexts.length) {
            throw new IllegalArgumentException("columns differ in length: users " + users.length
                    + ", items " + items.length + ", contexts " + contexts.length);
        }
    }

    /** Number of triples. */
    public int size() {
        return users.length;
    }

    /** The triples at the given rows, in that order. */
    public Interactions select(int[] rows) {
        int[] u = new int[rows.length];
        int[] i = new int[rows.length];
        int[] c = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            u[k] = users[rows[k]];
            i[k] = items[rows[k]];
            c[k] = contexts[rows[k]];
        }
        return new Interactions(u, i, c);
    }

    /** One more than the largest user index, 0 when empty. */
    public int userBound() {
        return bound(users);
    }

    /** One more than the largest item index, 0 when empty. */
    public int itemBound() {
        return bound(items);
    }

    /** One more than the largest context index, 0 when empty. */
    public int contextBound() {
        return bound(contexts);
    }

    private static int bound(int[] column) {
        return Arrays.stream(column).max().orElse(-1) + 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Interactions other && Arrays.equals(users, other.users)
                && Arrays.equals(items, other.items) && Arrays.equals(contexts, other.contexts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(users) + Arrays.hashCode(items)) + Arrays.hashCode(contexts);
    }

    @Override
    public String toString() {
        return "Interactions[" + size() + " triples]";
    }
}
