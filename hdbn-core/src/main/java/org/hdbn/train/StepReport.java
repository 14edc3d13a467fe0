package org.hdbn.train;

import java.util.Map;

/**
 * What one optimizer step measured.
 *
 * @param step      0-based step number
 * @param rows      positives in the batch
 * @param terms     each loss term's value (before weighting)
 * @param total     the weighted total that was minimised
 * @param gradNorm  global gradient norm before clipping
 */
public record StepReport(long step, int rows, Map<String, Double> terms, double total, double gradNorm) {
}
