package org.hdbn.train;

import org.hdbn.graph.Batch;

/**
 * Cuts a batch into row ranges for data-parallel passes; knows how the batch's columns are laid
 * out. It may first reorder the rows (every loss term averages over rows, so the order of rows is
 * free) to cut where the passes share the least work.
 */
public interface BatchSlicer {

    /** The number of rows (examples) of the batch. */
    int rows(Batch batch);

    /** The batch with its rows in the order the cuts refer to; by default as it is. */
    default Batch arrange(Batch batch) {
        return batch;
    }

    /**
     * Where the shards of an arranged batch begin and end: {@code 0 = c[0] < c[1] < ... < c[k] = rows}
     * with {@code k <= shards}; by default even cuts. Depends on the batch and the shard count only.
     */
    default int[] cuts(Batch arranged, int shards) {
        int rows = rows(arranged);
        int k = Math.max(1, Math.min(shards, rows));
        int[] c = new int[k + 1];
        for (int s = 0; s <= k; s++) {
            c[s] = (int) ((long) rows * s / k);
        }
        return c;
    }

    /** The batch of rows {@code [from, to)}, laid out as a batch of its own. */
    Batch slice(Batch batch, int from, int to);
}
