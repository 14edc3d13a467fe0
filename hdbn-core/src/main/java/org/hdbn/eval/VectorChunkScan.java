package org.hdbn.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The counting pass a vector of scores at a time: each whole chunk of 32 scores as vectors
 * (comparisons counted by mask, the chunk's best by lanewise maxima), the chunks cut by
 * {@code from} or {@code to} by {@link ScalarChunkScan}. Counts are counts and a maximum of the
 * same values is the same value, so the results are {@link ScalarChunkScan}'s. Loaded by name
 * ({@link org.hdbn.tensor.VectorApi}), only when the module is present.
 */
final class VectorChunkScan implements ChunkScan {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    @Override
    public long scan(double[] s, int base, int from, int to, double bound, double[] chunkBest) {
        int above = 0;
        int finite = 0;
        int start = from;
        while (start < to) {
            int chunk = start >>> TopKRanker.CHUNK_SHIFT;
            int chunkStart = chunk << TopKRanker.CHUNK_SHIFT;
            int end = Math.min(to, chunkStart + TopKRanker.CHUNK);
            if (start != chunkStart || end - start != TopKRanker.CHUNK || SPECIES.length() > TopKRanker.CHUNK) {
                long part = ScalarChunkScan.INSTANCE.scan(s, base, start, end, bound, chunkBest);
                above += ChunkScan.above(part);
                finite += ChunkScan.finite(part);
            } else {
                DoubleVector best = DoubleVector.broadcast(SPECIES, chunkBest[chunk]);
                for (int j = base + start; j < base + end; j += SPECIES.length()) {
                    DoubleVector v = DoubleVector.fromArray(SPECIES, s, j);
                    above += v.compare(VectorOperators.GT, bound).trueCount();
                    finite += v.abs().compare(VectorOperators.LE, Double.MAX_VALUE).trueCount();
                    best = best.max(v);
                }
                chunkBest[chunk] = best.reduceLanes(VectorOperators.MAX);
            }
            start = end;
        }
        return ChunkScan.pack(above, finite);
    }
}
