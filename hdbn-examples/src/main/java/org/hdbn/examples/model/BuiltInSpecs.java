package org.hdbn.examples.model;

import java.io.InputStream;
import java.util.List;
import org.hdbn.run.SpecLibrary;

/** The model specs shipped in the jar, under {@code org/hdbn/examples/specs/NAME.json}. */
public final class BuiltInSpecs implements SpecLibrary {

    /**
     * Every built-in spec, the reference model first: HDBN, the paper's three ablations, the
     * authors'-released-code variant, and the trained baselines BPR-MF and a two-tower network.
     */
    public static final List<String> NAMES = List.of("hdbn", "hdbn-paper", "hdbn-fixed-emotion", "hdbn-global-bnn",
            "hdbn-deterministic", "hdbn-released", "bprmf", "two-tower");

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public InputStream open(String name) {
        return NAMES.contains(name) ? BuiltInSpecs.class.getResourceAsStream("/org/hdbn/examples/specs/" + name + ".json")
                : null;
    }
}
