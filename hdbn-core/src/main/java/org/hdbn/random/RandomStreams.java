package org.hdbn.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Seeded random streams. Every random draw in hdbn comes from a stream made here from an explicit
 * seed; independent streams for separate purposes (initialisation, negative sampling, a worker
 * thread) are derived from one seed and a key, so adding a consumer does not shift the others.
 */
public final class RandomStreams {

    private RandomStreams() {
    }

    /** A stream for the seed (xoroshiro128++; fast, and statistically sound for simulation). */
    public static UniformRandomProvider create(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
    }

    /** A stream for the seed and a purpose, independent of streams for other purposes. */
    public static UniformRandomProvider create(long seed, String purpose) {
        return create(derive(seed, purpose));
    }

    /** A stream for the seed, a purpose and an index (e.g. a worker or an epoch). */
    public static UniformRandomProvider create(long seed, String purpose, long index) {
        return create(mix(derive(seed, purpose) + 0x9E3779B97F4A7C15L * (index + 1)));
    }

    /** A seed derived from a seed and a key; stable across runs and JVMs. */
    public static long derive(long seed, String key) {
        long h = mix(seed);
        for (int i = 0; i < key.length(); i++) {
            h = mix(h ^ key.charAt(i));
        }
        return h;
    }

    /** The SplitMix64 finaliser (Steele, Lea and Flood 2014). */
    static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
