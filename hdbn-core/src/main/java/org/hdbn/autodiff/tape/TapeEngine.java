package org.hdbn.autodiff.tape;

import java.util.Optional;
import java.util.function.Supplier;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.param.GradientSink;
import org.hdbn.tensor.MatrixProducts;

/**
 * The default engine: a reverse-mode tape in pure Java, in double precision. Its matrix products
 * go through {@link MatrixProducts}: by default {@link MatrixProducts#preferred()} (OpenBLAS through
 * JNI where installed, else hdbn's own kernel); each pass takes its own instance.
 */
public final class TapeEngine implements AutodiffEngine {

    public static final String NAME = "tape";

    private final String name;
    private final Supplier<MatrixProducts> products;

    /** The engine with the preferred matrix products (what {@code ServiceLoader} creates). */
    public TapeEngine() {
        this(MatrixProducts.preferred()::create);
    }

    /** The engine with the given matrix products, asked for one instance per pass. */
    public TapeEngine(Supplier<MatrixProducts> products) {
        this(NAME, products);
    }

    TapeEngine(String name, Supplier<MatrixProducts> products) {
        this.name = name;
        this.products = products;
    }

    /**
     * Which softplus loops this process runs: the Vector API's or the scalar ones (see
     * docs/performance.md; {@code -Dhdbn.vector=scalar} forces the scalar loops).
     */
    public static String softplusLoops() {
        return SoftplusLoops.preferred().name();
    }

    /**
     * Which loop this process runs for the KL of a Bayesian layer's weights: the Vector API's or the
     * scalar lanes (the same bits; see {@code GaussianKlRows}).
     */
    public static String weightKlLoop() {
        return GaussianKlRows.preferred().name();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Graph open() {
        return new TapeGraph(true, GradientSink.direct(), products.get());
    }

    @Override
    public Graph openInference() {
        return new TapeGraph(false, GradientSink.direct(), products.get());
    }

    @Override
    public boolean routesGradients() {
        return true;
    }

    @Override
    public Graph open(GradientSink sink) {
        return new TapeGraph(true, sink, products.get());
    }

    @Override
    public Optional<AutodiffEngine> withProducts(Supplier<MatrixProducts> products) {
        return Optional.of(new TapeEngine(name, products));
    }
}
