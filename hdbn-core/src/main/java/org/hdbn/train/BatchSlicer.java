package org.hdbn.train;

import org.hdbn.graph.Batch;

/** Cuts a batch into row ranges for data-parallel passes; knows how the batch's columns are laid out. */
public interface BatchSlicer {

    /** The number of rows (examples) of the batch. */
    int rows(Batch batch);

    /** The batch of rows {@code [from, to)}, laid out as a batch of its own. */
    Batch slice(Batch batch, int from, int to);
}
