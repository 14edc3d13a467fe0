package org.hdbn.eval;

import java.util.Map;

/**
 * The metrics of one protocol: which evaluation rows count, each metric per counted triple (in row
 * order) and its mean. Two systems evaluated on the same triples have equal {@code rows}, so their
 * per-triple arrays pair up for {@link PairedSignificance}.
 *
 * <p>Arrays are shared, not copied: callers must not modify them.
 *
 * @param protocol the protocol
 * @param rows the evaluation rows that count under it, ascending
 * @param perTriple metric name (e.g. {@code "NDCG@10"}) to one value per counted row, in table order
 * @param means metric name to the mean over counted rows (0 when no row counts, as in
 *     {@code score_recs.py}), in table order
 */
public record ProtocolMetrics(Protocol protocol, int[] rows, Map<String, double[]> perTriple,
        Map<String, Double> means) {

    public ProtocolMetrics {
        perTriple = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(perTriple));
        means = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(means));
    }

    /** Number of counted triples. */
    public int triples() {
        return rows.length;
    }

    /** One value per counted triple of the named metric. */
    public double[] perTriple(String metric) {
        double[] values = perTriple.get(metric);
        if (values == null) {
            throw unknown(metric);
        }
        return values;
    }

    /** Mean of the named metric. */
    public double mean(String metric) {
        Double value = means.get(metric);
        if (value == null) {
            throw unknown(metric);
        }
        return value;
    }

    private IllegalArgumentException unknown(String metric) {
        return new IllegalArgumentException("unknown metric '" + metric + "'; known: " + perTriple.keySet());
    }
}
