package org.hdbn.graph;

/**
 * The part of a step's batch one pass computes when a data-parallel trainer splits the batch into
 * shards, each with its own pass: rows {@code [from, to)} of the whole batch. A term that averages
 * over the pass's rows enters the step's loss weighted by the shard's {@linkplain #rowShare() share}
 * of the rows, so the shards add up to the batch's mean. A batch-level term (a KL divergence of
 * weights) must enter once: the node adds it in the shard that {@linkplain #holds(int) holds} the
 * first row of the whole batch that uses it.
 *
 * @param index  0-based shard number
 * @param count  shards of the step
 * @param from   first row of the whole batch in this shard
 * @param to     end (exclusive) of this shard's rows
 * @param whole  the step's whole batch (rows in the order the shards were cut from)
 * @param rows   rows of the whole batch
 */
public record BatchShard(int index, int count, int from, int to, Batch whole, int rows) {

    public BatchShard {
        if (count < 1 || index < 0 || index >= count || from < 0 || to <= from || to > rows) {
            throw new IllegalArgumentException("shard " + index + " of " + count + ": rows [" + from + ", " + to
                    + ") of " + rows);
        }
    }

    /**
     * The batch as a single shard: what a pass that is not split computes. It holds every row, so
     * its nominal row range {@code [0, 1)} is never consulted.
     */
    public static BatchShard whole(Batch batch) {
        return new BatchShard(0, 1, 0, 1, batch, 1);
    }

    /** This shard's rows over the whole batch's rows. */
    public double rowShare() {
        return count == 1 ? 1.0 : (to - from) / (double) rows;
    }

    /** Whether row {@code row} of the whole batch is in this shard (every row is in exactly one). */
    public boolean holds(int row) {
        return count == 1 || (row >= from && row < to);
    }
}
