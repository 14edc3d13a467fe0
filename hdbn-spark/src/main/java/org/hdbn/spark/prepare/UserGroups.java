package org.hdbn.spark.prepare;

/**
 * The user groups {@code prepare} writes as the {@code group} field of {@code NAME.user} (the user
 * category the built-in HDBN specs take their number of groups from): k-means on each user's
 * histogram over an item category of their training items, fitted on a seeded sample of at most
 * {@code maxSample} users on the driver, every user assigned on the executors.
 *
 * @param category the item category (a token column of the item features, e.g. {@code genre})
 * @param k number of groups, at least 2
 * @param maxSample the most users the fit sees
 * @param seed seed of the sample and the fit
 */
public record UserGroups(String category, int k, long maxSample, long seed) {

    public UserGroups {
        if (k < 2) {
            throw new IllegalArgumentException("user groups need k of at least 2, got " + k);
        }
        if (maxSample < k) {
            throw new IllegalArgumentException("the sample (" + maxSample + ") must hold at least k = " + k + " users");
        }
    }
}
