package org.hdbn.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@code "extends": "BASE"} in a spec: the spec is its base with the fields it gives merged in,
 * so a one-field variant is a few lines, not a copy. The merge is deep: an object merges into the
 * base's object field by field (one node's one field can change), except that an object with a
 * different {@code type} than the base's replaces it (its fields belong to another type); a value,
 * an array or a {@code null} replaces (a {@code null} removes the field). A base may extend
 * another; a cycle is refused.
 */
public final class SpecInheritance {

    /** The field naming the base. */
    public static final String EXTENDS = "extends";

    private SpecInheritance() {
    }

    /**
     * The spec with its bases merged in, without the {@code extends} field.
     *
     * @param bases  a base's JSON by the name given in {@code extends}
     */
    public static JsonNode resolve(JsonNode spec, Function<String, JsonNode> bases) {
        return resolve(spec, bases, new ArrayList<>());
    }

    private static JsonNode resolve(JsonNode spec, Function<String, JsonNode> bases, List<String> chain) {
        if (!(spec instanceof ObjectNode doc) || !doc.has(EXTENDS)) {
            return spec;
        }
        JsonNode name = doc.get(EXTENDS);
        if (!name.isTextual() || name.asText().isBlank()) {
            throw new SpecException("field extends must name a spec (a built-in name or a file), got " + name);
        }
        if (chain.contains(name.asText())) {
            throw new SpecException("field extends: a cycle of bases " + chain + " -> " + name.asText());
        }
        chain.add(name.asText());
        JsonNode base = Objects.requireNonNull(bases.apply(name.asText()), "base");
        ObjectNode merged = resolve(base, bases, chain).deepCopy();
        ObjectNode own = doc.deepCopy();
        own.remove(EXTENDS);
        merge(merged, own);
        return merged;
    }

    /** Merges {@code over} into {@code base} (changing it) by the rules above. */
    static void merge(ObjectNode base, ObjectNode over) {
        for (Map.Entry<String, JsonNode> e : over.properties()) {
            JsonNode old = base.get(e.getKey());
            JsonNode value = e.getValue();
            if (value.isNull()) {
                base.remove(e.getKey());
            } else if (old instanceof ObjectNode o && value instanceof ObjectNode v && sameType(o, v)) {
                merge(o, v);
            } else {
                base.set(e.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean sameType(ObjectNode base, ObjectNode over) {
        return !over.has("type") || over.get("type").equals(base.get("type"));
    }
}
