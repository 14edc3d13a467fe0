package org.hdbn.smile;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import smile.math.MathEx;

/**
 * Seeding for Smile, whose clustering draws its random numbers (k-means++ seeding) from a
 * per-thread generator in {@link MathEx} on the calling thread. Seeding that generator right
 * before each fit, on the thread that runs the fit, makes the fit a function of the seed.
 */
final class SmileRandom {

    /**
     * {@link MathEx#setSeed(long)} also updates a static, unsynchronised set of seeds; this lock
     * keeps two gates being fitted on different threads from corrupting it.
     */
    private static final Object SET_SEED_LOCK = new Object();

    private SmileRandom() {
    }

    /** Seeds Smile's generator of the current thread. */
    static void seed(long seed) {
        synchronized (SET_SEED_LOCK) {
            MathEx.setSeed(seed);
        }
    }

    /** {@code count} seeds derived from {@code seed} by a SplitMix64 stream. */
    static long[] derive(long seed, int count) {
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = rng.nextLong();
        }
        return seeds;
    }
}
