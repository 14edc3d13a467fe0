package org.hdbn.autodiff.tape;

import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.param.GradientSink;

/** The default engine: a reverse-mode tape in pure Java, in double precision. */
public final class TapeEngine implements AutodiffEngine {

    public static final String NAME = "tape";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Graph open() {
        return new TapeGraph(true, GradientSink.direct());
    }

    @Override
    public Graph openInference() {
        return new TapeGraph(false, GradientSink.direct());
    }

    @Override
    public boolean routesGradients() {
        return true;
    }

    @Override
    public Graph open(GradientSink sink) {
        return new TapeGraph(true, sink);
    }
}
