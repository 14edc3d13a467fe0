package org.hdbn.autodiff;

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
}
