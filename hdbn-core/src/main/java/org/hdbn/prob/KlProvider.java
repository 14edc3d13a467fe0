package org.hdbn.prob;

/**
 * Registers closed-form KL divergences from a module or an extension, found with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/org.hdbn.prob.KlProvider}):
 * a new distribution brings its KL pairs with it instead of an edit to {@link KlRegistry}.
 */
public interface KlProvider {

    /** Adds this provider's pairs; a pair registered twice is refused by the registry. */
    void register(KlRegistry registry);
}
