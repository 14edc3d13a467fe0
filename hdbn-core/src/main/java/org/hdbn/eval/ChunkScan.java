package org.hdbn.eval;

/**
 * {@link TopKRanker}'s pass over a query's scores: over items {@code [from, to)} it counts the
 * scores above a bound and the finite scores, and raises each 32-item chunk's best score to the
 * best of these items. Both counts come back in one {@code long} (no allocation per call): read
 * them with {@link #above} and {@link #finite}. {@link ScalarChunkScan} and {@link VectorChunkScan}
 * give the same counts and the same chunk maxima.
 */
interface ChunkScan {

    /**
     * @param s the scores, item {@code j} at {@code s[base + j]}
     * @param chunkBest per chunk of {@link TopKRanker#CHUNK} items, raised in place
     * @return both counts, packed
     */
    long scan(double[] s, int base, int from, int to, double bound, double[] chunkBest);

    static long pack(int above, int finite) {
        return (long) above << 32 | (finite & 0xffff_ffffL);
    }

    static int above(long counts) {
        return (int) (counts >>> 32);
    }

    static int finite(long counts) {
        return (int) counts;
    }
}
