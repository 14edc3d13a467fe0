package org.hdbn.autodiff;

import java.util.Optional;
import java.util.function.Supplier;
import org.hdbn.param.GradientSink;
import org.hdbn.param.ParameterStorage;
import org.hdbn.tensor.MatrixProducts;

/**
 * A service that runs the op set of {@link Graph}. Implementations are found with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/org.hdbn.autodiff.AutodiffEngine})
 * and chosen by name through {@link Engines}; a constructor must have no side effects.
 */
public interface AutodiffEngine {

    /** The name users select the engine by, e.g. {@code tape}. */
    String name();

    /** Opens a scope that records the pass for {@link Graph#backward(Var)}. */
    Graph open();

    /** Opens a scope for inference: same values, no gradient bookkeeping. */
    Graph openInference();

    /**
     * Whether {@link #open(GradientSink)} accepts any sink. A data-parallel trainer needs it to keep
     * the gradients of concurrent passes apart; with an engine that cannot, it runs one pass per step.
     */
    default boolean routesGradients() {
        return false;
    }

    /**
     * Opens a recording scope whose {@link Graph#backward(Var)} adds parameter gradients to the sink
     * instead of to the parameters. Engines that do not {@linkplain #routesGradients() route
     * gradients} accept only {@link GradientSink#direct()}.
     */
    default Graph open(GradientSink sink) {
        if (sink == GradientSink.direct()) {
            return open();
        }
        throw new UnsupportedOperationException("the '" + name() + "' engine cannot send gradients to a sink");
    }

    /**
     * The precision a trainer stores the parameters in for this engine (before its first step):
     * double unless the engine computes in float and reads float parameters directly.
     */
    default ParameterStorage parameterStorage() {
        return ParameterStorage.DOUBLE;
    }

    /**
     * This engine with its matrix products taken from {@code products} (asked once per pass), for
     * measuring them ({@code hdbn bench} passes a {@link org.hdbn.tensor.ProductCensus}); empty
     * for an engine whose products are not {@link MatrixProducts} calls.
     */
    default Optional<AutodiffEngine> withProducts(Supplier<MatrixProducts> products) {
        return Optional.empty();
    }
}
