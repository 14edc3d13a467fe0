package org.hdbn.autodiff.tape;

import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;

/** The default engine: a reverse-mode tape in pure Java, in double precision. */
public final class TapeEngine implements AutodiffEngine {

    public static final String NAME = "tape";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Graph open() {
        return new TapeGraph(true);
    }

    @Override
    public Graph openInference() {
        return new TapeGraph(false);
    }
}
