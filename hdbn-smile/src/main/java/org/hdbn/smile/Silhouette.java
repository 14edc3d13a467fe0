package org.hdbn.smile;

import java.util.Objects;

/**
 * The mean silhouette width of a partition (Rousseeuw, J. Comput. Appl. Math. 20, 1987) under
 * Euclidean distance. For point {@code i} with {@code a} its mean distance to the other members of
 * its cluster and {@code b} the smallest mean distance to the members of another cluster,
 * {@code s(i) = (b - a) / max(a, b)}; {@code s(i) = 0} when {@code i} is alone in its cluster.
 * The result is the mean of {@code s(i)} over all points, in {@code [-1, 1]}.
 *
 * <p>Cost: {@code O(n^2 d)} time, {@code O(n k)} memory; callers subsample large sets.
 */
public final class Silhouette {

    private Silhouette() {
    }

    /**
     * Mean silhouette of {@code points} partitioned by {@code labels}.
     *
     * @param labels the cluster of each point, each in {@code [0, numClusters)}
     * @throws IllegalArgumentException if fewer than two clusters are non-empty, or on mismatched
     *     lengths or out-of-range labels
     */
    public static double mean(double[][] points, int[] labels, int numClusters) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(labels, "labels");
        if (points.length != labels.length) {
            throw new IllegalArgumentException("points: " + points.length + ", labels: "
                    + labels.length);
        }
        int n = points.length;
        int[] sizes = new int[numClusters];
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= numClusters) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i]
                        + " is outside [0, " + numClusters + ")");
            }
            sizes[labels[i]]++;
        }
        int nonEmpty = 0;
        for (int s : sizes) {
            nonEmpty += s > 0 ? 1 : 0;
        }
        if (nonEmpty < 2) {
            throw new IllegalArgumentException("silhouette needs at least two non-empty clusters, got "
                    + nonEmpty);
        }
        // sums[i][c]: total distance from point i to the members of cluster c
        double[][] sums = new double[n][numClusters];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double d = distance(points[i], points[j]);
                sums[i][labels[j]] += d;
                sums[j][labels[i]] += d;
            }
        }
        double total = 0.0;
        for (int i = 0; i < n; i++) {
            int own = labels[i];
            if (sizes[own] == 1) {
                continue;
            }
            double a = sums[i][own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < numClusters; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[i][c] / sizes[c]);
                }
            }
            double max = Math.max(a, b);
            total += max == 0.0 ? 0.0 : (b - a) / max;
        }
        return total / n;
    }

    private static double distance(double[] x, double[] y) {
        double s = 0.0;
        for (int j = 0; j < x.length; j++) {
            double diff = x[j] - y[j];
            s += diff * diff;
        }
        return Math.sqrt(s);
    }
}
