package org.hdbn.prob;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a KL divergence is computed; in specs by lower-case name ({@code exact_or_monte_carlo}). */
public enum KlEstimate {
    /** The registered closed form; an error when the pair has none. */
    EXACT,
    /** A Monte Carlo estimate from reparameterised samples of p, even when a closed form exists. */
    MONTE_CARLO,
    /** The closed form where registered, Monte Carlo otherwise. */
    EXACT_OR_MONTE_CARLO;

    @JsonValue
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static KlEstimate named(String name) {
        for (KlEstimate k : values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown KL estimate '" + name
                + "'; known: exact, monte_carlo, exact_or_monte_carlo");
    }
}
