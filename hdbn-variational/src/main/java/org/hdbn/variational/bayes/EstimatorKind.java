package org.hdbn.variational.bayes;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The estimators hdbn ships, by the name a spec uses. */
public enum EstimatorKind {
    /** {@link Reparameterization}: one weight sample per pass. */
    REPARAMETERIZATION,
    /** {@link LocalReparameterization}: sample the pre-activations (Kingma et al. 2015). */
    LOCAL_REPARAMETERIZATION,
    /** {@link Flipout}: a shared perturbation with per-row random signs (Wen et al. 2018). */
    FLIPOUT;

    public Estimator estimator() {
        return switch (this) {
            case REPARAMETERIZATION -> new Reparameterization();
            case LOCAL_REPARAMETERIZATION -> new LocalReparameterization();
            case FLIPOUT -> new Flipout();
        };
    }

    @JsonValue
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a name case-insensitively; the error lists the known names. */
    @JsonCreator
    public static EstimatorKind named(String name) {
        for (EstimatorKind k : values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown estimator '" + name + "'; known: "
                + Arrays.toString(Arrays.stream(values()).map(EstimatorKind::specName).toArray()));
    }
}
