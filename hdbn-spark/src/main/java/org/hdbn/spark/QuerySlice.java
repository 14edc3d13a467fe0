package org.hdbn.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.ItemRowScores;
import org.hdbn.eval.SparseScoreTerms;
import org.hdbn.eval.TowerScores;

/**
 * Rows {@code [from, to)} of a query set with everything an executor needs to score and rank them
 * against a broadcast item matrix: their query vectors, their sparse score terms, and the training
 * items of their users. Users are renumbered {@code 0..} within the slice, so a slice carries only
 * its own users' items, not the whole training set.
 *
 * @param from first row, in the whole query set
 * @param queries the rows' query vectors
 * @param users the rows' users, renumbered within the slice
 * @param userIds the slice's users: renumbered user {@code u} is {@code userIds[u]}
 * @param items the rows' items (evaluation targets)
 * @param contexts the rows' contexts
 * @param seenUsers with {@code seenItems}: the slice users' (renumbered user, training item) pairs
 * @param seenItems see {@code seenUsers}
 * @param termStarts per sparse term, the rows' offsets into its items and values, from 0
 * @param termItems per sparse term, its items on the rows
 * @param termValues per sparse term, its values on the rows
 */
record QuerySlice(int from, Matrix queries, int[] users, int[] userIds, int[] items, int[] contexts, int[] seenUsers,
        int[] seenItems, List<int[]> termStarts, List<int[]> termItems, List<double[]> termValues)
        implements Serializable {

    /** Rows {@code [from, to)} of {@code queries}, scored by {@code scores}, with {@code train}'s items. */
    static QuerySlice of(TowerScores scores, Interactions queries, SeenItems train, int from, int to) {
        int n = to - from;
        int[] local = new int[n];
        java.util.Map<Integer, Integer> renumbered = new java.util.HashMap<>();
        List<Integer> users = new ArrayList<>();
        for (int q = from; q < to; q++) {
            int user = queries.users()[q];
            if (user < 0) {
                throw new IllegalArgumentException("query row " + q + ": negative user " + user);
            }
            local[q - from] = renumbered.computeIfAbsent(user, u -> {
                users.add(u);
                return users.size() - 1;
            });
        }
        int pairs = 0;
        for (int u : users) {
            pairs += u < train.userBound() ? train.itemsOf(u).length : 0;
        }
        int[] seenUsers = new int[pairs];
        int[] seenItems = new int[pairs];
        int k = 0;
        for (int i = 0; i < users.size(); i++) {
            int u = users.get(i);
            for (int item : u < train.userBound() ? train.itemsOf(u) : new int[0]) {
                seenUsers[k] = i;
                seenItems[k++] = item;
            }
        }
        List<int[]> starts = new ArrayList<>();
        List<int[]> items = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (SparseScoreTerms t : scores.terms()) {
            int lo = t.start()[from];
            int hi = t.start()[to];
            int[] s = new int[n + 1];
            for (int q = 0; q <= n; q++) {
                s[q] = t.start()[from + q] - lo;
            }
            starts.add(s);
            items.add(Arrays.copyOfRange(t.items(), lo, hi));
            values.add(Arrays.copyOfRange(t.values(), lo, hi));
        }
        return new QuerySlice(from, Matrix.rows(scores.queries(), from, to), local,
                users.stream().mapToInt(Integer::intValue).toArray(),
                Arrays.copyOfRange(queries.items(), from, to), Arrays.copyOfRange(queries.contexts(), from, to),
                seenUsers, seenItems, new ArrayList<>(starts), new ArrayList<>(items), new ArrayList<>(values));
    }

    /**
     * The slice's scores against the items, as the whole set's scores restricted to these rows; the
     * dense row terms (broadcast with the items) read each row's user by its id in the whole set.
     */
    TowerScores scores(Matrix items, List<ItemRowScores> rowTerms) {
        List<SparseScoreTerms> terms = new ArrayList<>();
        for (int i = 0; i < termStarts.size(); i++) {
            terms.add(new SparseScoreTerms(termStarts.get(i), termItems.get(i), termValues.get(i)));
        }
        int[] originalUsers = new int[users.length];
        for (int q = 0; q < users.length; q++) {
            originalUsers[q] = userIds[users[q]];
        }
        return new TowerScores(queries.tensor(), items.tensor(), terms, rowTerms, originalUsers, contexts);
    }

    /** The slice users' training items, indexed by the renumbered users. */
    SeenItems seen() {
        return SeenItems.of(new Interactions(seenUsers, seenItems, new int[seenUsers.length]));
    }

    /** The rows as interactions, users renumbered within the slice. */
    Interactions rows() {
        return new Interactions(users, items, contexts);
    }
}
