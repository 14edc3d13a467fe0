package org.hdbn.eval;

import java.util.Objects;

/**
 * A per-triple ranking metric at a cutoff, computed from the target's 1-based rank among the
 * candidates. Definitions (those of {@code score_recs.py}, the project's independent scorer):
 * <ul>
 *   <li>{@code HR@k}: 1 if rank &le; k, else 0;</li>
 *   <li>{@code P@k}: HR@k / k (one relevant item per triple);</li>
 *   <li>{@code NDCG@k}: 1 / log2(rank + 1) if rank &le; k, else 0 (the ideal DCG is 1);</li>
 *   <li>{@code MRR@k}: 1 / rank if rank &le; k, else 0; k is the recommendation list length.</li>
 * </ul>
 *
 * @param kind which metric
 * @param cutoff k, at least 1
 */
public record Metric(Kind kind, int cutoff) {

    /** The metric families. */
    public enum Kind {
        HR("HR"), PRECISION("P"), NDCG("NDCG"), MRR("MRR");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The short name used before {@code @k}. */
        public String prefix() {
            return prefix;
        }
    }

    private static final double LN2 = Math.log(2.0);

    public Metric {
        Objects.requireNonNull(kind, "kind");
        if (cutoff < 1) {
            throw new IllegalArgumentException("metric cutoff must be at least 1, got " + cutoff);
        }
    }

    /** The metric's value for a target at 1-based {@code rank}. */
    public double value(int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("rank must be at least 1, got " + rank);
        }
        if (rank > cutoff) {
            return 0.0;
        }
        return switch (kind) {
            case HR -> 1.0;
            case PRECISION -> 1.0 / cutoff;
            case NDCG -> LN2 / Math.log(rank + 1.0);
            case MRR -> 1.0 / rank;
        };
    }

    /** The name used as a key, e.g. {@code "NDCG@10"}. */
    public String name() {
        return kind.prefix() + "@" + cutoff;
    }

    @Override
    public String toString() {
        return name();
    }
}
