package org.hdbn.graph;

/**
 * The part of a step's batch one pass computes when a data-parallel trainer splits the batch into
 * shards, each with its own pass: shard {@code index} of {@code count}, holding {@code rowShare} of
 * the batch's rows. A term that averages over the pass's rows enters the step's loss weighted by
 * that share, so the shards add up to the batch's mean. A batch-level term (a KL divergence of
 * weights) must enter once: the node adding it asks {@link #owns(int)} and adds it in one shard only.
 *
 * @param index     0-based shard number
 * @param count     shards of the step
 * @param rowShare  this shard's rows over the batch's rows
 * @param whole     the step's whole batch, for nodes that decide which batch-level terms they own
 */
public record BatchShard(int index, int count, double rowShare, Batch whole) {

    public BatchShard {
        if (count < 1 || index < 0 || index >= count || !(rowShare > 0 && rowShare <= 1)) {
            throw new IllegalArgumentException("shard " + index + " of " + count + " with row share " + rowShare);
        }
    }

    /** The whole batch as a single shard: what a pass that is not split computes. */
    public static BatchShard whole(Batch batch) {
        return new BatchShard(0, 1, 1.0, batch);
    }

    /**
     * Whether this shard adds the batch-level term with the given key (any integer naming the term,
     * e.g. the rank of an expert among those the batch uses): keys are dealt to the shards in turn,
     * so the work spreads and every key has exactly one owner.
     */
    public boolean owns(int key) {
        return Math.floorMod(key, count) == index;
    }
}
