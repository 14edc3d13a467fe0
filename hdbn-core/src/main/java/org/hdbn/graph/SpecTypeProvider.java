package org.hdbn.graph;

import java.util.List;

/**
 * Registers spec types found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/org.hdbn.graph.SpecTypeProvider}): each module names the node, block
 * and other polymorphic spec types it contributes, so a new type needs no change elsewhere.
 */
public interface SpecTypeProvider {

    /** A spec class registered under a type name, for the polymorphic base it implements. */
    record SpecType(Class<?> base, String name, Class<?> type) {
        public SpecType {
            if (!base.isAssignableFrom(type)) {
                throw new IllegalArgumentException(type.getName() + " does not implement " + base.getName());
            }
        }
    }

    /**
     * A type name, or a field of a registered type, that spec files used to carry and that was
     * replaced: a spec still using it is refused with {@code advice} (what to write instead) rather
     * than a nearest-name guess.
     *
     * @param base    the polymorphic base, e.g. {@code NodeSpec.class}
     * @param type    the type name
     * @param field   the retired field of that type, or null when the whole type is retired
     * @param advice  what to write instead
     */
    record Retired(Class<?> base, String type, String field, String advice) {
    }

    List<SpecType> specTypes();

    /** Names this module's specs no longer accept, with their replacements; none by default. */
    default List<Retired> retired() {
        return List.of();
    }
}
