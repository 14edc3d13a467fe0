package org.hdbn.spark;

import java.io.Serializable;
import org.hdbn.eval.EvaluationResult;

/**
 * What an executor sends back for one {@link QuerySlice}: per row, the target's ranks and the lists
 * with and without the user's training items, and whether the target was one of them.
 */
record RankedSlice(int from, int[] ranks, int[][] lists, int[] fullRanks, int[][] fullLists, boolean[] seen)
        implements Serializable {

    static RankedSlice of(int from, EvaluationResult r) {
        return new RankedSlice(from, r.targetRanks(), r.recommendations(), r.fullRanks(), r.fullRecommendations(),
                r.targetSeen());
    }
}
