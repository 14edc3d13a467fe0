package org.hdbn.examples.experiment;

import java.util.List;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.examples.diagnostics.EmotionDiagnostics;

/**
 * One experiment row: its evaluation under every seed.
 *
 * @param name        the variant's name
 * @param description one line on what it is
 * @param note        how it was configured (e.g. a hyperparameter chosen on validation), or null
 * @param runs        one per seed, in seed order
 */
public record VariantResult(String name, String description, String note, List<Run> runs) {

    /**
     * One seed's run.
     *
     * @param seed        the training seed
     * @param result      the evaluation
     * @param epochLosses mean training loss per epoch (empty for closed-form baselines)
     * @param seconds     fitting time
     * @param diagnostics the emotion diagnostics of this run, or null when they were not asked for
     */
    public record Run(long seed, EvaluationResult result, List<Double> epochLosses, double seconds,
            EmotionDiagnostics.Result diagnostics) {
    }

    public VariantResult {
        runs = List.copyOf(runs);
    }

    /** The runs' emotion diagnostics in seed order; empty when they were not asked for. */
    public List<EmotionDiagnostics.Result> diagnostics() {
        return runs.stream().map(Run::diagnostics).filter(java.util.Objects::nonNull).toList();
    }

    /** The evaluations, in seed order. */
    public List<EvaluationResult> results() {
        return runs.stream().map(Run::result).toList();
    }
}
