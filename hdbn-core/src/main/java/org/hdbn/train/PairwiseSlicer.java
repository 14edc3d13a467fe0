package org.hdbn.train;

import java.util.Arrays;
import java.util.Map;
import org.hdbn.graph.Batch;

/**
 * Cuts {@link PairwiseBatches} batches by positive: rows {@code [from, to)} of the user and context
 * columns, and of the candidate column (B positives, then N negatives per positive in order) the
 * positives {@code [from, to)} followed by their negatives, which is again that layout.
 *
 * <p>Given each user's group, it first orders the rows by group (stably) and cuts at a group
 * boundary near each even cut, so that a per-group network (an expert of
 * {@code GatedExperts}) and its weight-level work run in one shard rather than in every shard.
 * Where no boundary lies within a quarter of a shard of the even cut (a batch of one group), it
 * cuts evenly.
 *
 * @param groupOf  each user's group, or null to keep the rows as they are and cut evenly
 */
record PairwiseSlicer(BatchColumns columns, int negatives, int[] groupOf) implements BatchSlicer {

    @Override
    public int rows(Batch batch) {
        return batch.index(columns.user()).length;
    }

    @Override
    public Batch arrange(Batch batch) {
        if (groupOf == null) {
            return batch;
        }
        int[] users = batch.index(columns.user());
        int groups = 0;
        for (int u : users) {
            groups = Math.max(groups, groupOf[u] + 1);
        }
        int[] start = new int[groups + 1];
        for (int u : users) {
            start[groupOf[u] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        int[] order = new int[users.length];
        for (int r = 0; r < users.length; r++) {
            order[start[groupOf[users[r]]]++] = r;
        }
        return select(batch, order);
    }

    @Override
    public int[] cuts(Batch arranged, int shards) {
        int[] even = BatchSlicer.super.cuts(arranged, shards);
        if (groupOf == null) {
            return even;
        }
        int[] users = arranged.index(columns.user());
        int rows = users.length;
        int k = even.length - 1;
        int slack = rows / (4 * k);
        int[] cuts = new int[k + 1];
        int n = 1;
        for (int s = 1; s < k; s++) {
            int cut = nearestBoundary(users, even[s], slack);
            if (cut > cuts[n - 1]) {
                cuts[n++] = cut;
            }
        }
        cuts[n++] = rows;
        return Arrays.copyOf(cuts, n);
    }

    /** The group boundary closest to {@code ideal} within {@code slack} rows, else {@code ideal}. */
    private int nearestBoundary(int[] users, int ideal, int slack) {
        for (int d = 0; d <= slack; d++) {
            for (int at : new int[] {ideal - d, ideal + d}) {
                if (at > 0 && at < users.length && groupOf[users[at - 1]] != groupOf[users[at]]) {
                    return at;
                }
            }
        }
        return ideal;
    }

    @Override
    public Batch slice(Batch batch, int from, int to) {
        int b = rows(batch);
        if (from < 0 || to > b || from >= to) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") of a batch of " + b);
        }
        int[] order = new int[to - from];
        Arrays.setAll(order, i -> from + i);
        return select(batch, order);
    }

    /** The batch of the given rows, in that order, with their negatives. */
    private Batch select(Batch batch, int[] order) {
        int b = rows(batch);
        int[] candidates = batch.index(columns.candidate());
        if (candidates.length != b * (1 + negatives) || !batch.features().isEmpty()) {
            throw new IllegalArgumentException("not a pairwise batch of " + b + " positives with " + negatives
                    + " negatives each: " + candidates.length + " candidates, features " + batch.features().keySet());
        }
        int[] users = batch.index(columns.user());
        int[] contexts = batch.index(columns.context());
        int n = order.length;
        int[] u = new int[n];
        int[] c = new int[n];
        int[] cand = new int[n * (1 + negatives)];
        for (int i = 0; i < n; i++) {
            int r = order[i];
            u[i] = users[r];
            c[i] = contexts[r];
            cand[i] = candidates[r];
            System.arraycopy(candidates, b + r * negatives, cand, n + i * negatives, negatives);
        }
        return Batch.ofIndices(Map.of(columns.user(), u, columns.context(), c, columns.candidate(), cand));
    }
}
