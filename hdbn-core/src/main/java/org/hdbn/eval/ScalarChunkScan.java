package org.hdbn.eval;

/**
 * The counting pass one score at a time: no call and no branch on a score in the loop (a branch
 * taken at random costs more than the compares).
 */
final class ScalarChunkScan implements ChunkScan {

    static final ScalarChunkScan INSTANCE = new ScalarChunkScan();

    private ScalarChunkScan() {
    }

    @Override
    public long scan(double[] s, int base, int from, int to, double bound, double[] chunkBest) {
        int checked = 0;
        int above = 0;
        for (int start = from; start < to; ) {
            int chunk = start >>> TopKRanker.CHUNK_SHIFT;
            int end = Math.min(to, (chunk + 1) << TopKRanker.CHUNK_SHIFT);
            // four running maxima, as one would chain every item's on the last's; Math.max has no
            // branch (a comparison would be a branch mispredicted at every new maximum)
            double b0 = chunkBest[chunk];
            double b1 = b0;
            double b2 = b0;
            double b3 = b0;
            int j = base + start;
            for (; j + 3 < base + end; j += 4) {
                double x0 = s[j];
                double x1 = s[j + 1];
                double x2 = s[j + 2];
                double x3 = s[j + 3];
                checked += (Math.abs(x0) <= Double.MAX_VALUE ? 1 : 0) + (Math.abs(x1) <= Double.MAX_VALUE ? 1 : 0)
                        + (Math.abs(x2) <= Double.MAX_VALUE ? 1 : 0) + (Math.abs(x3) <= Double.MAX_VALUE ? 1 : 0);
                above += (x0 > bound ? 1 : 0) + (x1 > bound ? 1 : 0) + (x2 > bound ? 1 : 0) + (x3 > bound ? 1 : 0);
                b0 = Math.max(b0, x0);
                b1 = Math.max(b1, x1);
                b2 = Math.max(b2, x2);
                b3 = Math.max(b3, x3);
            }
            for (; j < base + end; j++) {
                double x = s[j];
                checked += Math.abs(x) <= Double.MAX_VALUE ? 1 : 0;
                above += x > bound ? 1 : 0;
                b0 = Math.max(b0, x);
            }
            chunkBest[chunk] = Math.max(Math.max(b0, b1), Math.max(b2, b3));
            start = end;
        }
        return ChunkScan.pack(above, checked);
    }
}
