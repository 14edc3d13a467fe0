package org.hdbn.graph;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a graph input carries: an index column (to look up) or a feature matrix. */
public enum InputKind {
    INDEX, FEATURES;

    @JsonValue
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static InputKind named(String name) {
        for (InputKind k : values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown input kind '" + name + "'; known: index, features");
    }
}
