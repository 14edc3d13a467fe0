package org.hdbn.eval;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Paired significance tests between two systems' per-triple metrics on the same triples: the
 * two-sided paired t-test and the two-sided Wilcoxon signed-rank test, both from
 * commons-statistics-inference with its defaults.
 *
 * <p>Wilcoxon details: zero differences are ranked but left out of W+ (Pratt's signed-rank zero
 * procedure); the p-value is commons-statistics 1.2's exact one for at most 50 pairs without zero
 * differences or tied absolute differences, otherwise the normal approximation with tie and zero
 * corrections and a continuity correction, computed here (see {@link #prattNormalPValue}).
 * Per-triple ranking metrics are heavily tied (HR is 0 or 1), so in practice the approximation is used.
 *
 * <p>When every difference is zero the systems are indistinguishable on these triples: both tests
 * are reported with statistic 0 and p-value 1 (the libraries would return NaN or throw). When the
 * differences are all equal but not zero, the t statistic is infinite and its p-value 0.
 */
public final class PairedSignificance {

    private PairedSignificance() {
    }

    /**
     * Compares two per-triple arrays pair by pair.
     *
     * @throws IllegalArgumentException if the lengths differ, there are fewer than 2 pairs, or a
     *     value is not finite (naming the index)
     */
    public static PairedComparison compare(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        }
        int n = a.length;
        if (n < 2) {
            throw new IllegalArgumentException("paired tests need at least 2 pairs, got " + n);
        }
        double sumA = 0;
        double sumB = 0;
        double sumD = 0;
        boolean allZero = true;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(a[i]) || !Double.isFinite(b[i])) {
                throw new IllegalArgumentException("pair " + i + " is not finite: " + a[i] + ", " + b[i]);
            }
            sumA += a[i];
            sumB += b[i];
            sumD += a[i] - b[i];
            allZero &= a[i] - b[i] == 0;
        }
        if (allZero) {
            return new PairedComparison(n, sumA / n, sumB / n, 0, 0, 1, 0, 1);
        }
        TTest.Result t = TTest.withDefaults().pairedTest(a, b);
        WilcoxonSignedRankTest.Result w = WilcoxonSignedRankTest.withDefaults().test(a, b);
        double wilcoxonP = exactWilcoxon(a, b) ? w.getPValue() : prattNormalPValue(a, b);
        return new PairedComparison(n, sumA / n, sumB / n, sumD / n, t.getStatistic(), t.getPValue(),
                w.getStatistic(), wilcoxonP);
    }

    /** Whether commons-statistics computes the Wilcoxon p-value exactly: at most 50 pairs, no zero or tied |d|. */
    private static boolean exactWilcoxon(double[] a, double[] b) {
        if (a.length > 50) {
            return false;
        }
        double[] abs = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            abs[i] = Math.abs(a[i] - b[i]);
        }
        Arrays.sort(abs);
        for (int i = 0; i < abs.length; i++) {
            if (abs[i] == 0 || (i > 0 && abs[i] == abs[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /**
     * The two-sided Wilcoxon p-value by the normal approximation with Pratt's zero procedure
     * (Cureton 1967), tie correction over the non-zero differences and continuity correction, as
     * scipy's {@code wilcoxon(zero_method="pratt", correction=True)}:
     * {@code mean = (n(n+1) - z(z+1)) / 4},
     * {@code var = (n(n+1)(2n+1) - z(z+1)(2z+1)) / 24 - sum(t^3 - t) / 48}
     * for n pairs of which z have a zero difference, t running over the sizes of tie groups of
     * non-zero absolute differences. Computed here rather than by commons-statistics 1.2, whose
     * approximation also counts the zeros as a tie group: with many zero differences (usual for
     * per-triple ranking metrics, where most triples are misses for both systems) its variance is
     * too small, its p-values too small, and with 99% zeros it returns NaN.
     */
    static double prattNormalPValue(double[] a, double[] b) {
        int n = a.length;
        double[] abs = new double[n];
        int zeros = 0;
        for (int i = 0; i < n; i++) {
            abs[i] = Math.abs(a[i] - b[i]);
            zeros += abs[i] == 0 ? 1 : 0;
        }
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Double.compare(abs[x], abs[y]));
        double wPlus = 0;
        double ties = 0;
        for (int start = 0; start < n;) {
            int end = start;
            while (end < n && abs[order[end]] == abs[order[start]]) {
                end++;
            }
            double rank = (start + 1 + end) / 2.0;
            double t = end - start;
            if (abs[order[start]] != 0) {
                ties += t * t * t - t;
                for (int k = start; k < end; k++) {
                    wPlus += a[order[k]] > b[order[k]] ? rank : 0;
                }
            }
            start = end;
        }
        double nn = n;
        double z = zeros;
        double mean = (nn * (nn + 1) - z * (z + 1)) / 4;
        double var = (nn * (nn + 1) * (2 * nn + 1) - z * (z + 1) * (2 * z + 1)) / 24 - ties / 48;
        if (!(var > 0)) {
            return 1.0;
        }
        double dev = Math.max(0, Math.abs(wPlus - mean) - 0.5);
        return Math.min(1.0, 2 * NormalDistribution.of(0, 1).survivalProbability(dev / Math.sqrt(var)));
    }

    /**
     * Compares one metric of two evaluations under a protocol.
     *
     * @param metric a metric name such as {@code "NDCG@10"}
     * @throws IllegalArgumentException if the two evaluations counted different triples
     */
    public static PairedComparison compare(EvaluationResult a, EvaluationResult b, Protocol protocol,
            String metric) {
        ProtocolMetrics ma = a.metrics(protocol);
        ProtocolMetrics mb = b.metrics(protocol);
        if (!Arrays.equals(ma.rows(), mb.rows())) {
            throw new IllegalArgumentException("the two evaluations count different triples under "
                    + protocol.label() + " (" + ma.triples() + " vs " + mb.triples() + " rows)");
        }
        return compare(ma.perTriple(metric), mb.perTriple(metric));
    }
}
