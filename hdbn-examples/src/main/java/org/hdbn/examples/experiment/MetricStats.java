package org.hdbn.examples.experiment;

import java.util.List;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;

/** Means and standard deviations of a metric over seeds, and per-triple means for paired tests. */
public final class MetricStats {

    private MetricStats() {
    }

    /** The mean over runs of the runs' mean metric. */
    public static double mean(List<EvaluationResult> runs, Protocol protocol, String metric) {
        double sum = 0;
        for (EvaluationResult r : runs) {
            sum += r.metrics(protocol).mean(metric);
        }
        return sum / runs.size();
    }

    /** The sample standard deviation (n - 1) over runs; 0 for a single run. */
    public static double std(List<EvaluationResult> runs, Protocol protocol, String metric) {
        if (runs.size() < 2) {
            return 0;
        }
        double m = mean(runs, protocol, metric);
        double ss = 0;
        for (EvaluationResult r : runs) {
            double d = r.metrics(protocol).mean(metric) - m;
            ss += d * d;
        }
        return Math.sqrt(ss / (runs.size() - 1));
    }

    /**
     * Per counted triple, the metric averaged over runs: a seed-averaged system, paired
     * triple by triple with another one's for a significance test.
     *
     * @throws IllegalArgumentException if the runs counted different triples
     */
    public static double[] perTripleMean(List<EvaluationResult> runs, Protocol protocol, String metric) {
        int[] rows = runs.get(0).metrics(protocol).rows();
        double[] sum = new double[rows.length];
        for (EvaluationResult r : runs) {
            if (!java.util.Arrays.equals(rows, r.metrics(protocol).rows())) {
                throw new IllegalArgumentException("runs counted different triples under " + protocol.label());
            }
            double[] v = r.metrics(protocol).perTriple(metric);
            for (int i = 0; i < v.length; i++) {
                sum[i] += v[i];
            }
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] /= runs.size();
        }
        return sum;
    }
}
