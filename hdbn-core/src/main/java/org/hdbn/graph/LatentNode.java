package org.hdbn.graph;

import org.hdbn.prob.Distribution;

/**
 * The role of a node whose output is a latent variable: a draw (or the mean) of an amortised
 * posterior {@code q(z | x)}, given as its output's {@linkplain NodeOutput#distribution()
 * distribution}, which a KL term pulls towards a prior {@code p(z)}. Diagnostics (KL per
 * dimension, active units) find latent nodes by this role through {@link ModelGraph#latents},
 * never by their names.
 */
public interface LatentNode extends Node {

    /**
     * The prior of this node's posterior in a pass that has run this node (and every node its
     * prior reads), of the posterior's shape.
     *
     * @param f         the pass, positioned at this node
     * @param posterior the distribution this node output in the pass
     */
    Distribution prior(ForwardContext f, Distribution posterior);
}
