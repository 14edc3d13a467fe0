package org.hdbn.autodiff.tape;

import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The spare gradient arrays of an engine's passes, kept from one pass to the next: a training step
 * needs the same gradient arrays every time, and reusing them spares the collector a few hundred
 * megabytes per epoch. Each open pass borrows a whole {@link SpareArrays} and gives it back when
 * closed, so a pool is used by one thread at a time and no more pools exist than passes ran at once.
 */
final class SparePools {

    private final ConcurrentLinkedDeque<SpareArrays> idle = new ConcurrentLinkedDeque<>();

    SpareArrays borrow() {
        SpareArrays s = idle.pollFirst();
        return s != null ? s : new SpareArrays();
    }

    void giveBack(SpareArrays s) {
        idle.addFirst(s);
    }
}
