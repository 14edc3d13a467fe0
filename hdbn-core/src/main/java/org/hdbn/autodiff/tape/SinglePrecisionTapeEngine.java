package org.hdbn.autodiff.tape;

import java.util.Optional;
import java.util.function.Supplier;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.param.GradientSink;
import org.hdbn.param.ParameterStorage;
import org.hdbn.tensor.MatrixProducts;

/**
 * The tape engine in single precision: every value and gradient on the tape is a float array and
 * every op computes on floats, its products through {@link MatrixProducts#sgemm}. Its code is the
 * double-precision tape's, generated again with {@code float} for {@code double} when hdbn-core is
 * built ({@code FloatTapeGraph} and the other {@code Float*} twins; see {@link Precision}), so the
 * two engines have the same op set and the same fused ops by construction. A trainer stores the
 * parameters in float for it ({@link #parameterStorage()}): values, gradients, the shards'
 * gradient buffers and the optimizer's moments, as single-precision training keeps them, so the
 * passes over memory outside the tape (the reduction, the update) move half the bytes. A pass
 * opened outside a trainer, on double-stored parameters, rounds each leaf to float (a row-sparse
 * table only the rows a gather reads) and widens the gradients as they reach the parameters.
 * Chosen by name ({@value #NAME}, {@code --engine tape-f32}).
 */
public final class SinglePrecisionTapeEngine implements AutodiffEngine {

    public static final String NAME = "tape-f32";

    private final Supplier<MatrixProducts> products;

    /** The engine with the preferred matrix products (what {@code ServiceLoader} creates). */
    public SinglePrecisionTapeEngine() {
        this(MatrixProducts.preferred()::create);
    }

    /** The engine with the given matrix products, asked for one instance per pass. */
    public SinglePrecisionTapeEngine(Supplier<MatrixProducts> products) {
        this.products = products;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Which softplus loops and weight-KL loop this engine runs, in float, for reports. */
    public static String floatLoops() {
        return "softplus " + FloatSoftplusLoops.preferred().name() + "; weight KL "
                + FloatGaussianKlRows.preferred().name();
    }

    @Override
    public Graph open() {
        return new FloatTapeGraph(true, GradientSink.direct(), products.get());
    }

    @Override
    public Graph openInference() {
        return new FloatTapeGraph(false, GradientSink.direct(), products.get());
    }

    @Override
    public boolean routesGradients() {
        return true;
    }

    @Override
    public Graph open(GradientSink sink) {
        return new FloatTapeGraph(true, sink, products.get());
    }

    /** Float: the tape reads the parameters' float values and adds to their float gradients, with no conversion. */
    @Override
    public ParameterStorage parameterStorage() {
        return ParameterStorage.FLOAT;
    }

    @Override
    public Optional<AutodiffEngine> withProducts(Supplier<MatrixProducts> products) {
        return Optional.of(new SinglePrecisionTapeEngine(products));
    }
}
