package org.hdbn.smile;

import java.util.Map;
import org.hdbn.gate.CentroidGate;
import org.hdbn.gate.FeatureRows;
import org.hdbn.gate.GateFitter;
import smile.clustering.GMeans;

/**
 * Fits a {@link CentroidGate} whose number of groups is chosen by Smile's g-means (Hamerly and
 * Elkan, "Learning the k in k-means", NIPS 2003): starting from one cluster, each cluster is split
 * in two by 2-means while the projection of its points on the split axis fails an Anderson-Darling
 * test of normality, up to {@code kmax} clusters. Smile does not split clusters of fewer than 25
 * points. The 2-means runs inside draw from Smile's generator, seeded with {@code seed} right
 * before the fit.
 *
 * <p>On data with many identical rows (one-hot histograms of users with a single genre) Smile
 * 2.6.0 can fail to respect kmax; the fit then fails with an {@link IllegalStateException}
 * rather than returning a wrong gate.
 *
 * <p>Entities without features (all-zero rows) are left out of the clustering and go to the
 * largest group.
 */
public final class GMeansGate implements GateFitter {

    private final int kmax;
    private final long seed;
    private final int maxIter;
    private final double tol;

    /** g-means with Smile's default iteration limits. */
    public GMeansGate(int kmax, long seed) {
        this(kmax, seed, KMeansGate.DEFAULT_MAX_ITER, KMeansGate.DEFAULT_TOL);
    }

    /**
     * @param kmax largest number of groups, at least 2
     * @param seed seed of Smile's generator
     * @param maxIter maximum Lloyd iterations of each k-means step, at least 1
     * @param tol convergence tolerance of each k-means step
     */
    public GMeansGate(int kmax, long seed, int maxIter, double tol) {
        SmileGates.requireAtLeast("kmax", kmax, 2);
        SmileGates.requireAtLeast("maxIter", maxIter, 1);
        SmileGates.requirePositive("tol", tol);
        this.kmax = kmax;
        this.seed = seed;
        this.maxIter = maxIter;
        this.tol = tol;
    }

    /**
     * @throws IllegalArgumentException if the features are invalid or fewer than 2 entities have
     *     features
     * @throws IllegalStateException if Smile overruns kmax (see the class comment)
     */
    @Override
    public CentroidGate fit(double[][] features) {
        FeatureRows rows = FeatureRows.of(features);
        SmileGates.requireFeatured(rows, 2, "g-means");
        SmileRandom.seed(seed);
        GMeans clustering;
        try {
            clustering = GMeans.fit(rows.points(), kmax, maxIter, tol);
        } catch (ArrayIndexOutOfBoundsException e) {
            // seen on EmoMusicLJ with kmax = 200: the overrun follows a cluster whose split
            // statistic is NaN; Smile 2.6.0 sorts the scores with the NaN among them, which
            // apparently breaks its count of the clusters still to split
            throw new IllegalStateException("Smile 2.6.0 g-means overran kmax = " + kmax
                    + " on these features (a defect of that release when a cluster's split"
                    + " statistic is NaN, as for a cluster of identical points); use a smaller"
                    + " kmax or KMeansGate", e);
        }
        Map<String, String> provenance = SmileGates.provenance("g-means", seed, rows);
        provenance.put("kmax", Integer.toString(kmax));
        provenance.put("maxIter", Integer.toString(maxIter));
        provenance.put("tol", Double.toString(tol));
        provenance.put("distortion", Double.toString(clustering.distortion));
        return SmileGates.gate(rows, clustering.centroids, provenance);
    }

    @Override
    public String toString() {
        return "GMeansGate[kmax=" + kmax + ", seed=" + seed + ", maxIter=" + maxIter + ", tol="
                + tol + "]";
    }
}
