package org.hdbn.train;

import java.util.Map;

/**
 * What one optimizer step measured.
 *
 * @param step      0-based step number
 * @param rows      positives in the batch
 * @param terms     each loss term's value (before weighting)
 * @param weighted  each loss term as it entered the total: value times its weight and its
 *                  schedule's multiplier (these add up to {@code total})
 * @param total     the weighted total that was minimised
 * @param gradNorm  global gradient norm before clipping
 */
public record StepReport(long step, int rows, Map<String, Double> terms, Map<String, Double> weighted,
        double total, double gradNorm) {
}
