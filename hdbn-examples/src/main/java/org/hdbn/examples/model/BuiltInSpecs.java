package org.hdbn.examples.model;

import java.util.List;

/** The model specs shipped in the jar, under {@code org/hdbn/examples/specs/NAME.json}. */
public final class BuiltInSpecs {

    /** Every built-in spec, the reference model first. */
    public static final List<String> NAMES = List.of("hdbn", "bprmf");

    private BuiltInSpecs() {
    }
}
