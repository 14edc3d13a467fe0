package org.hdbn.variational.bayes;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Contributes estimators under the names a {@code bayesian_mlp}'s {@code "estimator"} field uses,
 * found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/org.hdbn.variational.bayes.EstimatorProvider}); hdbn's own are
 * registered the same way ({@link BuiltInEstimators}).
 */
public interface EstimatorProvider {

    /** New estimators by name; a name already taken (built in or by another provider) is refused. */
    Map<String, Supplier<Estimator>> estimators();
}
