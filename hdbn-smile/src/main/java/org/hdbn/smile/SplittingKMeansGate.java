package org.hdbn.smile;

import java.util.Map;
import org.hdbn.gate.CentroidGate;
import org.hdbn.gate.FeatureRows;
import org.hdbn.gate.GateFitter;
import smile.clustering.CentroidClustering;
import smile.clustering.GMeans;
import smile.clustering.XMeans;

/**
 * Fits a {@link CentroidGate} whose number of groups is chosen by splitting clusters, with one of
 * Smile's two splitting rules. Starting from one cluster, each cluster is split in two by 2-means
 * while the rule says the split is better, up to {@code kmax} clusters; Smile does not split
 * clusters of fewer than 25 points. The 2-means runs draw from Smile's generator, seeded with
 * {@code seed} right before the fit.
 *
 * <ul>
 *   <li>{@link Rule#X_MEANS}: the split must improve the Bayesian information criterion (Pelleg
 *       and Moore, "X-means: extending k-means with efficient estimation of the number of
 *       clusters", ICML 2000);</li>
 *   <li>{@link Rule#G_MEANS}: the cluster's points projected on the split axis must fail an
 *       Anderson-Darling test of normality (Hamerly and Elkan, "Learning the k in k-means", NIPS
 *       2003).</li>
 * </ul>
 *
 * <p>Entities without features (all-zero rows) are left out of the clustering and go to the
 * largest group.
 */
public final class SplittingKMeansGate implements GateFitter {

    /** When a cluster is split. */
    public enum Rule {
        X_MEANS("x-means"), G_MEANS("g-means");

        private final String label;

        Rule(String label) {
            this.label = label;
        }

        CentroidClustering<double[], double[]> fit(double[][] points, int kmax, int maxIter, double tol) {
            return this == X_MEANS ? XMeans.fit(points, kmax, maxIter, tol) : GMeans.fit(points, kmax, maxIter, tol);
        }
    }

    private final Rule rule;
    private final int kmax;
    private final long seed;
    private final int maxIter;
    private final double tol;

    /** With Smile's default iteration limits. */
    public SplittingKMeansGate(Rule rule, int kmax, long seed) {
        this(rule, kmax, seed, KMeansGate.DEFAULT_MAX_ITER, KMeansGate.DEFAULT_TOL);
    }

    /**
     * @param kmax     largest number of groups, at least 2
     * @param seed     seed of Smile's generator
     * @param maxIter  maximum Lloyd iterations of each k-means step, at least 1
     * @param tol      convergence tolerance of each k-means step
     */
    public SplittingKMeansGate(Rule rule, int kmax, long seed, int maxIter, double tol) {
        SmileGates.requireAtLeast("kmax", kmax, 2);
        SmileGates.requireAtLeast("maxIter", maxIter, 1);
        SmileGates.requirePositive("tol", tol);
        this.rule = rule;
        this.kmax = kmax;
        this.seed = seed;
        this.maxIter = maxIter;
        this.tol = tol;
    }

    /** x-means up to kmax groups. */
    public static SplittingKMeansGate xmeans(int kmax, long seed) {
        return new SplittingKMeansGate(Rule.X_MEANS, kmax, seed);
    }

    /** g-means up to kmax groups. */
    public static SplittingKMeansGate gmeans(int kmax, long seed) {
        return new SplittingKMeansGate(Rule.G_MEANS, kmax, seed);
    }

    /**
     * @throws IllegalArgumentException if the features are invalid or fewer than 2 entities have
     *     features
     * @throws IllegalStateException if Smile overruns kmax (see below)
     */
    @Override
    public CentroidGate fit(double[][] features) {
        FeatureRows rows = FeatureRows.of(features);
        SmileGates.requireFeatured(rows, 2, rule.label);
        SmileRandom.seed(seed);
        CentroidClustering<double[], double[]> clustering;
        try {
            clustering = rule.fit(rows.points(), kmax, maxIter, tol);
        } catch (ArrayIndexOutOfBoundsException e) {
            // seen on EmoMusicLJ with kmax = 200: the overrun follows a cluster whose split
            // statistic is NaN (a BIC gain or an Anderson-Darling statistic of a cluster of
            // identical points); Smile 2.6.0 sorts the scores with the NaN among them, which
            // apparently breaks its count of the clusters still to split
            throw new IllegalStateException("Smile 2.6.0 " + rule.label + " overran kmax = " + kmax
                    + " on these features (a defect of that release when a cluster's split"
                    + " statistic is NaN, as for a cluster of identical points); use a smaller"
                    + " kmax or KMeansGate", e);
        }
        Map<String, String> provenance = SmileGates.provenance(rule.label, seed, rows);
        provenance.put("kmax", Integer.toString(kmax));
        provenance.put("maxIter", Integer.toString(maxIter));
        provenance.put("tol", Double.toString(tol));
        provenance.put("distortion", Double.toString(clustering.distortion));
        return SmileGates.gate(rows, clustering.centroids, provenance);
    }

    @Override
    public String toString() {
        return "SplittingKMeansGate[" + rule.label + ", kmax=" + kmax + ", seed=" + seed + ", maxIter=" + maxIter
                + ", tol=" + tol + "]";
    }
}
