package org.hdbn.smile;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.hdbn.gate.CentroidGate;
import org.hdbn.gate.FeatureRows;
import org.hdbn.gate.GateFitter;

/**
 * Chooses the number of groups by mean silhouette width (Rousseeuw 1987): for every k in
 * {@code [kmin, kmax]} it fits {@link KMeansGate} on all entities with features, scores the
 * partition by the mean silhouette of a fixed random subsample, and returns the gate of the best
 * k (ties to the smallest k).
 *
 * <p>Subsample: silhouette costs {@code O(m^2 d)} per candidate k for m points, so it is scored on
 * a seeded subsample of at most {@value #DEFAULT_SUBSAMPLE} entities by default. At that size one
 * k costs about 2 million distances (well under a second for a hundred candidates of dimension
 * 18), and the standard error of a mean of silhouettes in [-1, 1] is at most about
 * {@code 1/sqrt(2000) = 0.022}, typically far less. The same subsample scores every k, so the
 * comparison between ks is not disturbed by drawing different points; differences between
 * neighbouring ks smaller than about 0.01 should still be read as ties.
 */
public final class SilhouetteSelection implements GateFitter {

    /** Default subsample size for scoring. */
    public static final int DEFAULT_SUBSAMPLE = 2000;

    private final int kmin;
    private final int kmax;
    private final long seed;
    private final int restarts;
    private final int subsampleSize;

    /** Selection with {@link KMeansGate#DEFAULT_RESTARTS} restarts per k and the default subsample. */
    public SilhouetteSelection(int kmin, int kmax, long seed) {
        this(kmin, kmax, seed, KMeansGate.DEFAULT_RESTARTS, DEFAULT_SUBSAMPLE);
    }

    /**
     * @param kmin smallest candidate k, at least 2 (silhouette is undefined for one group)
     * @param kmax largest candidate k, at least kmin
     * @param seed seed of the subsample and of every k-means fit
     * @param restarts k-means restarts per candidate k, at least 1
     * @param subsampleSize number of entities scored, at least 2 (all when fewer have features)
     */
    public SilhouetteSelection(int kmin, int kmax, long seed, int restarts, int subsampleSize) {
        SmileGates.requireAtLeast("kmin", kmin, 2);
        SmileGates.requireAtLeast("kmax", kmax, kmin);
        SmileGates.requireAtLeast("restarts", restarts, 1);
        SmileGates.requireAtLeast("subsampleSize", subsampleSize, 2);
        this.kmin = kmin;
        this.kmax = kmax;
        this.seed = seed;
        this.restarts = restarts;
        this.subsampleSize = subsampleSize;
    }

    /**
     * The outcome of a selection.
     *
     * @param k the chosen number of groups
     * @param kmin the smallest candidate
     * @param meanSilhouette {@code meanSilhouette[k - kmin]} is the score of candidate k
     * @param subsampleSize number of entities the scores were computed on
     * @param gate the k-means gate of the chosen k
     */
    public record Result(int k, int kmin, double[] meanSilhouette, int subsampleSize,
            CentroidGate gate) {

        /** The score of candidate k. */
        public double silhouette(int candidate) {
            return meanSilhouette[candidate - kmin];
        }
    }

    /** The gate of the chosen k. */
    @Override
    public CentroidGate fit(double[][] features) {
        return select(features).gate();
    }

    /**
     * Fits every candidate and scores it.
     *
     * @throws IllegalArgumentException if the features are invalid or fewer than {@code kmax}
     *     entities have features
     */
    public Result select(double[][] features) {
        FeatureRows rows = FeatureRows.of(features);
        SmileGates.requireFeatured(rows, kmax, "silhouette selection up to k = " + kmax);
        long[] seeds = SmileRandom.derive(seed, 2);
        int[] sample = subsample(rows.numFeatured(), Math.min(subsampleSize, rows.numFeatured()),
                RandomSource.SPLIT_MIX_64.create(seeds[0]));
        double[][] points = new double[sample.length][];
        for (int s = 0; s < sample.length; s++) {
            points[s] = rows.points()[sample[s]];
        }
        double[] scores = new double[kmax - kmin + 1];
        CentroidGate best = null;
        int bestK = -1;
        int[] labels = new int[sample.length];
        for (int k = kmin; k <= kmax; k++) {
            CentroidGate gate = new KMeansGate(k, seeds[1], restarts, KMeansGate.DEFAULT_MAX_ITER,
                    KMeansGate.DEFAULT_TOL).fit(rows);
            for (int s = 0; s < sample.length; s++) {
                labels[s] = gate.group(rows.featured()[sample[s]]);
            }
            scores[k - kmin] = Silhouette.mean(points, labels, k);
            if (best == null || scores[k - kmin] > scores[bestK - kmin]) {
                best = gate;
                bestK = k;
            }
        }
        Map<String, String> provenance = new LinkedHashMap<>(best.provenance());
        provenance.put("selection", "silhouette");
        provenance.put("selectionRange", kmin + ".." + kmax);
        provenance.put("selectionSubsample", Integer.toString(sample.length));
        provenance.put("silhouette", Double.toString(scores[bestK - kmin]));
        CentroidGate chosen = new CentroidGate(best.centroids(), best.assignments(), provenance);
        return new Result(bestK, kmin, scores, sample.length, chosen);
    }

    /** {@code m} distinct indexes of {@code [0, n)}, ascending (partial Fisher-Yates shuffle). */
    static int[] subsample(int n, int m, UniformRandomProvider rng) {
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = i;
        }
        for (int i = 0; i < m; i++) {
            int j = i + rng.nextInt(n - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
        }
        int[] out = Arrays.copyOf(index, m);
        Arrays.sort(out);
        return out;
    }

    @Override
    public String toString() {
        return "SilhouetteSelection[k=" + kmin + ".." + kmax + ", seed=" + seed + ", restarts="
                + restarts + ", subsample=" + subsampleSize + "]";
    }
}
