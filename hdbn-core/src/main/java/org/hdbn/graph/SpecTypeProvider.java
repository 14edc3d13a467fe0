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

    List<SpecType> specTypes();
}
