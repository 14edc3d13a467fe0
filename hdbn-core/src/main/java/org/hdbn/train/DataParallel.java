package org.hdbn.train;

/**
 * How a {@link Trainer} step splits its batch for data-parallel gradients: into {@code shards} row
 * ranges, each a pass of its own with its own gradient buffers and its own random stream (derived
 * from the step's stream and the shard's number), summed in shard order. The shard count fixes the
 * arithmetic, so the trained parameters depend on it but never on {@code threads}, which only says
 * how many passes run at once.
 *
 * @param shards   passes per step (a batch with fewer rows gets one pass per row); 1 splits nothing
 * @param threads  passes run at once
 * @param slicer   how to cut a batch; may be null when {@code shards} is 1
 */
public record DataParallel(int shards, int threads, BatchSlicer slicer) {

    /**
     * The shard count trainers use unless told otherwise: enough passes to keep a few cores busy,
     * few enough that each pass still multiplies matrices of a useful size.
     */
    public static final int DEFAULT_SHARDS = 2;

    public DataParallel {
        if (shards < 1 || threads < 1) {
            throw new IllegalArgumentException("shards and threads must be at least 1, got " + shards + " and " + threads);
        }
        if (shards > 1 && slicer == null) {
            throw new IllegalArgumentException(shards + " shards need a batch slicer");
        }
    }

    /** {@link #DEFAULT_SHARDS} shards on the given number of threads. */
    public static DataParallel of(int threads, BatchSlicer slicer) {
        return new DataParallel(DEFAULT_SHARDS, threads, slicer);
    }

    /** One pass per step on the calling thread: the batch is not split. */
    public static DataParallel none() {
        return new DataParallel(1, 1, null);
    }
}
