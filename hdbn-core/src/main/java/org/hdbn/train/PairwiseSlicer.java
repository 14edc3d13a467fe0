package org.hdbn.train;

import java.util.Arrays;
import java.util.Map;
import org.hdbn.graph.Batch;

/**
 * Cuts {@link PairwiseBatches} batches by positive: rows {@code [from, to)} of the user and context
 * columns, and of the candidate column (B positives, then N negatives per positive in order) the
 * positives {@code [from, to)} followed by their negatives, which is again that layout.
 */
record PairwiseSlicer(BatchColumns columns, int negatives) implements BatchSlicer {

    @Override
    public int rows(Batch batch) {
        return batch.index(columns.user()).length;
    }

    @Override
    public Batch slice(Batch batch, int from, int to) {
        int b = rows(batch);
        if (from < 0 || to > b || from >= to) {
            throw new IllegalArgumentException("rows [" + from + ", " + to + ") of a batch of " + b);
        }
        int[] candidates = batch.index(columns.candidate());
        if (candidates.length != b * (1 + negatives) || !batch.features().isEmpty()) {
            throw new IllegalArgumentException("not a pairwise batch of " + b + " positives with " + negatives
                    + " negatives each: " + candidates.length + " candidates, features " + batch.features().keySet());
        }
        int n = to - from;
        int[] part = new int[n * (1 + negatives)];
        System.arraycopy(candidates, from, part, 0, n);
        System.arraycopy(candidates, b + from * negatives, part, n, n * negatives);
        return Batch.ofIndices(Map.of(columns.user(), Arrays.copyOfRange(batch.index(columns.user()), from, to),
                columns.context(), Arrays.copyOfRange(batch.index(columns.context()), from, to),
                columns.candidate(), part));
    }
}
