package org.hdbn.graph;

/** What a loss term measures; objectives weight kinds differently (e.g. a KL warm-up). */
public enum LossKind {
    LIKELIHOOD, KL, RECONSTRUCTION, REGULARIZATION
}
