package org.hdbn.nn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;

/** Activation functions by name, as used in layer configurations and specs. */
public enum Activation {
    IDENTITY, RELU, TANH, SIGMOID, SOFTPLUS, SOFTMAX;

    public Var apply(Graph g, Var x) {
        return switch (this) {
            case IDENTITY -> x;
            case RELU -> g.relu(x);
            case TANH -> g.tanh(x);
            case SIGMOID -> g.sigmoid(x);
            case SOFTPLUS -> g.softplus(x);
            case SOFTMAX -> g.softmax(x);
        };
    }

    @JsonValue
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a name case-insensitively; the error lists the known names. */
    @JsonCreator
    public static Activation named(String name) {
        for (Activation a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "'; known: "
                + Arrays.toString(Arrays.stream(values()).map(Activation::specName).toArray()));
    }
}
