package org.hdbn.autodiff.tape;

import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.param.GradientSink;
import org.hdbn.tensor.MatrixProducts;
import org.hdbn.tensor.SinglePrecisionProducts;

/**
 * The tape engine with its matrix products in single precision ({@link SinglePrecisionProducts}):
 * the same ops and the same double-precision values, parameters, gradients and optimizer state;
 * only the products (every {@code matmul}, {@code linear} and {@code gaussianLinear}, forward and
 * backward) round their operands to float and sum in float. Chosen by name ({@value #NAME},
 * {@code --engine tape-f32}).
 */
public final class SinglePrecisionTapeEngine implements AutodiffEngine {

    public static final String NAME = "tape-f32";

    private final TapeEngine tape = new TapeEngine(NAME,
            () -> new SinglePrecisionProducts(MatrixProducts.preferred().create()));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Graph open() {
        return tape.open();
    }

    @Override
    public Graph openInference() {
        return tape.openInference();
    }

    @Override
    public boolean routesGradients() {
        return true;
    }

    @Override
    public Graph open(GradientSink sink) {
        return tape.open(sink);
    }
}
