package org.hdbn.graph;

import org.hdbn.prob.Distribution;

/**
 * A latent node's posterior and prior in one pass ({@link ModelGraph#latents}).
 *
 * @param posterior {@code q(z | x)}, one row per row of the batch
 * @param prior     {@code p(z)}, of the same shape
 */
public record LatentPair(Distribution posterior, Distribution prior) {
}
