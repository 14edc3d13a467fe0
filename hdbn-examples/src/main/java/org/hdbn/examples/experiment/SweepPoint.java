package org.hdbn.examples.experiment;

import java.util.List;
import org.hdbn.eval.EvaluationResult;

/**
 * One setting of a sweep on the reference model (Monte Carlo samples, number of user groups) and
 * its evaluation under every seed.
 *
 * @param value    the setting
 * @param results  one per seed, in seed order
 * @param note     e.g. that the run was shared with the main table, or null
 */
public record SweepPoint(int value, List<EvaluationResult> results, String note) {

    public SweepPoint {
        results = List.copyOf(results);
    }
}
