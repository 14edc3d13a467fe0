package org.hdbn.variational.bayes;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The estimators hdbn-variational ships, registered through {@link java.util.ServiceLoader} as an
 * extension's are: {@code reparameterization} (one weight sample per pass),
 * {@code local_reparameterization} (the pre-activations sampled, Kingma et al. 2015) and
 * {@code flipout} (a shared perturbation with per-row random signs, Wen et al. 2018).
 */
public final class BuiltInEstimators implements EstimatorProvider {

    public static final String REPARAMETERIZATION = "reparameterization";
    public static final String LOCAL_REPARAMETERIZATION = "local_reparameterization";
    public static final String FLIPOUT = "flipout";

    @Override
    public Map<String, Supplier<Estimator>> estimators() {
        return Map.of(
                REPARAMETERIZATION, Reparameterization::new,
                LOCAL_REPARAMETERIZATION, LocalReparameterization::new,
                FLIPOUT, Flipout::new);
    }
}
