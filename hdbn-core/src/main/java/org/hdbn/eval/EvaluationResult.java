package org.hdbn.eval;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of one ranking evaluation: for every evaluation row the target's rank and the
 * recommended list among the {@link Protocol#PAPER} candidates and among all items
 * ({@link Protocol#FULL}), whether the target was seen in training, and from these the per-triple
 * metrics and means of every protocol.
 *
 * <p>Arrays are shared, not copied: callers must not modify them.
 */
public final class EvaluationResult {

    private final List<Metric> metrics;
    private final int listLength;
    private final int[] targetRanks;
    private final int[][] recommendations;
    private final int[] fullRanks;
    private final int[][] fullRecommendations;
    private final boolean[] targetSeen;
    private final Map<Protocol, ProtocolMetrics> byProtocol = new EnumMap<>(Protocol.class);

    /**
     * Derives every protocol's metrics from per-row ranks.
     *
     * @param metrics the metrics to compute, in table order
     * @param listLength the recommendation list length
     * @param targetRanks per evaluation row, the target's 1-based rank among the PAPER candidates
     * @param recommendations per evaluation row, the recommended PAPER candidates, best first
     * @param fullRanks per evaluation row, the target's 1-based rank among all items
     * @param fullRecommendations per evaluation row, the best items among all items, best first
     * @param targetSeen per evaluation row, whether the user had the target in training
     */
    public EvaluationResult(List<Metric> metrics, int listLength, int[] targetRanks, int[][] recommendations,
            int[] fullRanks, int[][] fullRecommendations, boolean[] targetSeen) {
        int n = targetRanks.length;
        if (recommendations.length != n || fullRanks.length != n || fullRecommendations.length != n
                || targetSeen.length != n) {
            throw new IllegalArgumentException("per-row arrays differ in length: ranks " + n + ", recommendations "
                    + recommendations.length + ", full ranks " + fullRanks.length + ", full recommendations "
                    + fullRecommendations.length + ", targetSeen " + targetSeen.length);
        }
        this.metrics = List.copyOf(metrics);
        this.listLength = listLength;
        this.targetRanks = targetRanks;
        this.recommendations = recommendations;
        this.fullRanks = fullRanks;
        this.fullRecommendations = fullRecommendations;
        this.targetSeen = targetSeen;
        for (Protocol protocol : Protocol.values()) {
            byProtocol.put(protocol, compute(protocol));
        }
    }

    private ProtocolMetrics compute(Protocol protocol) {
        int n = 0;
        for (boolean seen : targetSeen) {
            n += protocol.counts(seen) ? 1 : 0;
        }
        int[] rows = new int[n];
        int k = 0;
        for (int r = 0; r < targetSeen.length; r++) {
            if (protocol.counts(targetSeen[r])) {
                rows[k++] = r;
            }
        }
        int[] ranks = protocol.excludesSeen() ? targetRanks : fullRanks;
        Map<String, double[]> perTriple = new LinkedHashMap<>();
        Map<String, Double> means = new LinkedHashMap<>();
        for (Metric metric : metrics) {
            double[] values = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                values[i] = metric.value(ranks[rows[i]]);
                sum += values[i];
            }
            perTriple.put(metric.name(), values);
            means.put(metric.name(), sum / Math.max(n, 1));
        }
        return new ProtocolMetrics(protocol, rows, perTriple, means);
    }

    /** The metrics of one protocol. */
    public ProtocolMetrics metrics(Protocol protocol) {
        return byProtocol.get(protocol);
    }

    /** The metrics computed, in table order. */
    public List<Metric> metricList() {
        return metrics;
    }

    /** The recommendation list length (the K of MRR@K). */
    public int listLength() {
        return listLength;
    }

    /** Number of evaluation rows. */
    public int size() {
        return targetRanks.length;
    }

    /** Per evaluation row, the target's 1-based rank among the PAPER candidates. */
    public int[] targetRanks() {
        return targetRanks;
    }

    /** Per evaluation row, the recommended items best first (the PAPER candidate ranking). */
    public int[][] recommendations() {
        return recommendations;
    }

    /** Per evaluation row, the target's 1-based rank among all items (the FULL ranking). */
    public int[] fullRanks() {
        return fullRanks;
    }

    /** Per evaluation row, the best items among all items, best first (the FULL ranking). */
    public int[][] fullRecommendations() {
        return fullRecommendations;
    }

    /** Per evaluation row, whether the user had the target in training. */
    public boolean[] targetSeen() {
        return targetSeen;
    }

    /**
     * The means as nested maps, shaped like {@code score_recs.py}'s output:
     * {@code {"paper": {"HR@5": ...}, "strict": {...}, "full": {...}, "triples": {"paper": n, ...}}}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> triples = new LinkedHashMap<>();
        for (Protocol protocol : Protocol.values()) {
            out.put(protocol.label(), byProtocol.get(protocol).means());
            triples.put(protocol.label(), byProtocol.get(protocol).triples());
        }
        out.put("triples", triples);
        return out;
    }

    /** The means as a small text table: one row per metric, one column per protocol. */
    public String toTable() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-9s", "metric"));
        for (Protocol protocol : Protocol.values()) {
            sb.append(String.format(Locale.ROOT, " %9s", protocol.label()));
        }
        sb.append('\n').append(String.format(Locale.ROOT, "%-9s", "triples"));
        for (Protocol protocol : Protocol.values()) {
            sb.append(String.format(Locale.ROOT, " %9d", byProtocol.get(protocol).triples()));
        }
        sb.append('\n');
        for (Metric metric : metrics) {
            sb.append(String.format(Locale.ROOT, "%-9s", metric.name()));
            for (Protocol protocol : Protocol.values()) {
                sb.append(String.format(Locale.ROOT, " %9.5f", byProtocol.get(protocol).mean(metric.name())));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "EvaluationResult[" + size() + " triples, paper " + metrics(Protocol.PAPER).triples()
                + ", strict " + metrics(Protocol.STRICT).triples() + ", full " + metrics(Protocol.FULL).triples() + "]";
    }
}
