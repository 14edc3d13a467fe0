package org.hdbn.graph;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A size in a spec: a number, or the name of a dimension the data defines (e.g. {@code "users"}),
 * so one spec serves data sets of any size.
 */
public record Dim(int fixed, String named) {

    public static Dim of(int value) {
        return new Dim(value, null);
    }

    public static Dim named(String name) {
        return new Dim(-1, name);
    }

    @JsonCreator
    public static Dim parse(Object json) {
        if (json instanceof Number n) {
            return of(n.intValue());
        }
        if (json instanceof String s && !s.isBlank()) {
            return s.chars().allMatch(Character::isDigit) ? of(Integer.parseInt(s)) : named(s);
        }
        throw new SpecException("a size must be a number or a dimension name, got " + json);
    }

    @JsonValue
    public Object json() {
        return named != null ? named : fixed;
    }

    public int resolve(BuildContext ctx) {
        int v = named != null ? ctx.dim(named) : fixed;
        if (v <= 0) {
            throw new SpecException("node '" + ctx.nodeName() + "': size " + json() + " must be positive, is " + v);
        }
        return v;
    }
}
