package org.hdbn.examples.model;

import java.util.List;

/** The model specs shipped in the jar, under {@code org/hdbn/examples/specs/NAME.json}. */
public final class BuiltInSpecs {

    /**
     * Every built-in spec, the reference model first: HDBN, the paper's three ablations, the
     * authors'-released-code variant, and the trained baselines BPR-MF and a two-tower network.
     */
    public static final List<String> NAMES = List.of("hdbn", "hdbn-paper", "hdbn-fixed-emotion", "hdbn-global-bnn",
            "hdbn-deterministic", "hdbn-released", "bprmf", "two-tower");

    private BuiltInSpecs() {
    }
}
