package org.hdbn.smile;

import java.util.Map;
import org.hdbn.gate.CentroidGate;
import org.hdbn.gate.FeatureRows;
import org.hdbn.gate.GateFitter;
import smile.clustering.BBDTree;
import smile.clustering.KMeans;

/**
 * Fits a {@link CentroidGate} with Smile's k-means (k-means++ seeding, then Lloyd iterations
 * accelerated by a BBD tree), as HDBN does to group users by their genre histograms (Jing et al.,
 * arXiv 2406.14090: 50 groups on EmoMusicLJ, 10 on EmoMusicLJ-small).
 *
 * <p>k-means only finds a local optimum, so the fit is restarted {@code restarts} times from
 * different seeds and the run with the smallest distortion (within-cluster sum of squares) is
 * kept. Restart {@code r} seeds Smile with the {@code r}-th value of a SplitMix64 stream started
 * at {@code seed}, so the result depends only on the features and the configuration.
 *
 * <p>Entities without features (all-zero rows) are left out of the clustering and go to the
 * largest group.
 */
public final class KMeansGate implements GateFitter {

    /** Default number of restarts. */
    public static final int DEFAULT_RESTARTS = 10;
    /** Default maximum number of Lloyd iterations per restart (Smile's default). */
    public static final int DEFAULT_MAX_ITER = 100;
    /** Default convergence tolerance on the distortion (Smile's default). */
    public static final double DEFAULT_TOL = 1e-4;

    private final int k;
    private final long seed;
    private final int restarts;
    private final int maxIter;
    private final double tol;

    /** k-means with {@value #DEFAULT_RESTARTS} restarts and Smile's default iteration limits. */
    public KMeansGate(int k, long seed) {
        this(k, seed, DEFAULT_RESTARTS, DEFAULT_MAX_ITER, DEFAULT_TOL);
    }

    /**
     * @param k number of groups, at least 2 (for one group use {@link org.hdbn.gate.SingleGate})
     * @param seed seed of the restarts
     * @param restarts number of k-means runs, at least 1; the best by distortion is kept
     * @param maxIter maximum Lloyd iterations per run, at least 1
     * @param tol stop a run when the distortion improves by less than this
     */
    public KMeansGate(int k, long seed, int restarts, int maxIter, double tol) {
        SmileGates.requireAtLeast("k", k, 2);
        SmileGates.requireAtLeast("restarts", restarts, 1);
        SmileGates.requireAtLeast("maxIter", maxIter, 1);
        SmileGates.requirePositive("tol", tol);
        this.k = k;
        this.seed = seed;
        this.restarts = restarts;
        this.maxIter = maxIter;
        this.tol = tol;
    }

    /**
     * @throws IllegalArgumentException if the features are invalid or fewer than {@code k}
     *     entities have features
     */
    @Override
    public CentroidGate fit(double[][] features) {
        return fit(FeatureRows.of(features));
    }

    /** Fits on already validated rows. */
    CentroidGate fit(FeatureRows rows) {
        SmileGates.requireFeatured(rows, k, "k-means with k = " + k);
        double[][] points = rows.points();
        BBDTree tree = new BBDTree(points);
        KMeans best = null;
        for (long restartSeed : SmileRandom.derive(seed, restarts)) {
            SmileRandom.seed(restartSeed);
            KMeans run = KMeans.fit(tree, points, k, maxIter, tol);
            if (best == null || run.distortion < best.distortion) {
                best = run;
            }
        }
        Map<String, String> provenance = SmileGates.provenance("k-means", seed, rows);
        provenance.put("k", Integer.toString(k));
        provenance.put("restarts", Integer.toString(restarts));
        provenance.put("maxIter", Integer.toString(maxIter));
        provenance.put("tol", Double.toString(tol));
        provenance.put("distortion", Double.toString(best.distortion));
        return SmileGates.gate(rows, best.centroids, provenance);
    }

    /** Number of groups. */
    public int k() {
        return k;
    }

    @Override
    public String toString() {
        return "KMeansGate[k=" + k + ", seed=" + seed + ", restarts=" + restarts + ", maxIter="
                + maxIter + ", tol=" + tol + "]";
    }
}
