package org.hdbn.smile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hdbn.data.Interactions;
import org.hdbn.gate.CentroidGate;
import org.hdbn.gate.Gate;
import org.hdbn.gate.GateFitter;
import org.hdbn.gate.ItemCategoryHistogram;
import smile.validation.metric.AdjustedRandIndex;

/**
 * Throwaway measurement (not a test): agreement of our k-means groups with the paper's
 * user2cluster.npy on EmoMusicLJ (k = 50) and EmoMusicLJ-small (k = 10), the agreement between
 * our own k-means runs under different seeds (for scale), and the number of groups x-means,
 * g-means and silhouette selection choose on EmoMusicLJ.
 *
 * <p>Run: {@code java -cp <test classpath> org.hdbn.smile.GateMeasurements <emomusiclj dir>}.
 */
public final class GateMeasurements {

    private GateMeasurements() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/data/emomusiclj");
        EmoMusicLjData large = EmoMusicLjData.load(dir.resolve("EmoMusicLJ"));
        EmoMusicLjData small = EmoMusicLjData.load(dir.resolve("EmoMusicLJ-small"));
        double[][] features = large.histograms().rows();
        System.out.printf("EmoMusicLJ: %d users (%d without training rows), %d genres%n",
                features.length, large.histograms().numMissing(), features[0].length);

        int[][] runs = new int[3][];
        for (int s = 0; s < runs.length; s++) {
            long t = System.nanoTime();
            runs[s] = groups(new KMeansGate(50, 2024 + s).fit(features));
            System.out.printf("EmoMusicLJ k-means k=50 seed %d: ARI vs user2cluster = %.4f (%.1f s)%n",
                    2024 + s, AdjustedRandIndex.of(large.userToCluster(), runs[s]), secondsSince(t));
        }
        System.out.printf("EmoMusicLJ k-means k=50 seed 2024 vs seed 2025: ARI = %.4f; 2024 vs 2026: %.4f%n",
                AdjustedRandIndex.of(runs[0], runs[1]), AdjustedRandIndex.of(runs[0], runs[2]));

        // the paper does not say whether a song played twice counts twice; try distinct songs too
        double[][] distinct = new ItemCategoryHistogram(large.genres(), features[0].length)
                .build(distinctPairs(large.train()), features.length).rows();
        System.out.printf("EmoMusicLJ k-means k=50 seed 2024 on distinct-song histograms: ARI vs user2cluster = %.4f%n",
                AdjustedRandIndex.of(large.userToCluster(), groups(new KMeansGate(50, 2024).fit(distinct))));

        for (int s = 0; s < 3; s++) {
            int[] g = groups(new KMeansGate(10, 2024 + s).fit(small.histograms().rows()));
            System.out.printf("EmoMusicLJ-small k-means k=10 seed %d: ARI vs user2cluster = %.4f%n",
                    2024 + s, AdjustedRandIndex.of(small.userToCluster(), g));
        }

        long t = System.nanoTime();
        CentroidGate x = SplittingKMeansGate.xmeans(100, 2024).fit(features);
        System.out.printf("EmoMusicLJ x-means kmax=100 seed 2024: %d groups (%.1f s)%n", x.numGroups(),
                secondsSince(t));
        t = System.nanoTime();
        CentroidGate g = SplittingKMeansGate.gmeans(100, 2024).fit(features);
        System.out.printf("EmoMusicLJ g-means kmax=100 seed 2024: %d groups (%.1f s)%n", g.numGroups(),
                secondsSince(t));
        for (int kmax : new int[] {200, 400}) {
            System.out.printf("EmoMusicLJ kmax=%d seed 2024: x-means %s, g-means %s%n", kmax,
                    numGroups(SplittingKMeansGate.xmeans(kmax, 2024), features),
                    numGroups(SplittingKMeansGate.gmeans(kmax, 2024), features));
        }
        t = System.nanoTime();
        SilhouetteSelection.Result r = new SilhouetteSelection(2, 100, 2024, 3, 2000).select(features);
        System.out.printf("EmoMusicLJ silhouette k=2..100, 3 restarts, subsample 2000, seed 2024: k = %d,"
                + " mean silhouette %.4f (%.1f s)%n", r.k(), r.silhouette(r.k()), secondsSince(t));
        StringBuilder top = new StringBuilder("  silhouette by k:");
        for (int k = 2; k <= 100; k++) {
            top.append(String.format(" %d:%.3f", k, r.silhouette(k)));
        }
        System.out.println(top);
    }

    private static Interactions distinctPairs(Interactions data) {
        Set<Long> seen = new HashSet<>();
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < data.size(); r++) {
            if (seen.add(((long) data.users()[r] << 32) | data.items()[r])) {
                rows.add(r);
            }
        }
        return data.select(rows.stream().mapToInt(Integer::intValue).toArray());
    }

    private static String numGroups(GateFitter fitter, double[][] features) {
        try {
            return fitter.fit(features).numGroups() + " groups";
        } catch (IllegalStateException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static int[] groups(Gate gate) {
        int[] g = new int[gate.numEntities()];
        for (int e = 0; e < g.length; e++) {
            g[e] = gate.group(e);
        }
        return g;
    }

    private static double secondsSince(long t) {
        return (System.nanoTime() - t) / 1e9;
    }
}
