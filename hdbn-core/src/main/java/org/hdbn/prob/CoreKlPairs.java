package org.hdbn.prob;

/**
 * The closed-form KL divergences hdbn-core ships, registered through {@link java.util.ServiceLoader}
 * as an extension's are: {@code KL(Normal || Normal)} ({@link Normal#kl}).
 */
public final class CoreKlPairs implements KlProvider {

    @Override
    public void register(KlRegistry registry) {
        registry.register(Normal.class, Normal.class, Normal::kl);
    }
}
