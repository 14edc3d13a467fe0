package org.hdbn.eval;

import java.util.Arrays;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Paired significance tests between two systems' per-triple metrics on the same triples: the
 * two-sided paired t-test and the two-sided Wilcoxon signed-rank test, both from
 * commons-statistics-inference with its defaults.
 *
 * <p>Wilcoxon details (commons-statistics 1.2): zero differences are ranked but left out of W+
 * (Pratt's signed-rank zero procedure); the p-value is exact for at most 50 pairs without zero
 * differences or tied absolute differences, otherwise the normal approximation with tie and zero
 * corrections and a continuity correction. Per-triple ranking metrics are heavily tied (HR is 0 or
 * 1), so in practice the approximation is used.
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
        return new PairedComparison(n, sumA / n, sumB / n, sumD / n, t.getStatistic(), t.getPValue(),
                w.getStatistic(), w.getPValue());
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
