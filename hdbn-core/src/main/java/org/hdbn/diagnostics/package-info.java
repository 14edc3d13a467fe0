/**
 * Diagnostics of a trained model graph that find what they inspect by role, never by node name:
 * the health of its latent variables ({@link org.hdbn.graph.LatentNode}: KL per dimension, active
 * units) and the entropy of its categorical predictions ({@link org.hdbn.graph.Node#outputsDistribution()}).
 * See {@link org.hdbn.diagnostics.LatentHealth}.
 */
package org.hdbn.diagnostics;
