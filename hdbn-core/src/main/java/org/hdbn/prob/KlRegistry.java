package org.hdbn.prob;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;

/**
 * KL divergences keyed by the pair of distribution types (as TensorFlow Probability's registry):
 * closed forms are registered once per exact pair; a duplicate registration is refused, and a
 * missing pair is named in the error. Monte Carlo estimation needs no registration.
 *
 * <p>An instance, not a global: {@link #withDefaults()} gives a fresh registry holding the closed
 * forms that ship with hdbn, to which a user adds their own.
 */
public final class KlRegistry {

    private record Key(Class<?> p, Class<?> q) {
    }

    private final Map<Key, KlDivergence<?, ?>> closedForms = new HashMap<>();

    /** A registry with hdbn-core's closed forms only ({@link CoreKlPairs}: Normal || Normal). */
    public static KlRegistry withDefaults() {
        KlRegistry registry = new KlRegistry();
        new CoreKlPairs().register(registry);
        return registry;
    }

    /**
     * A registry with the closed forms of every {@link KlProvider} on the class path (the thread's
     * context class loader, so extensions loaded with {@code --plugin} are seen); core's own
     * ({@link CoreKlPairs}) are found the same way.
     */
    public static KlRegistry withInstalled() {
        KlRegistry registry = new KlRegistry();
        for (KlProvider provider : ServiceLoader.load(KlProvider.class)) {
            provider.register(registry);
        }
        return registry;
    }

    /** Registers the closed form for {@code KL(P || Q)}; refuses a pair already registered. */
    public <P extends Distribution, Q extends Distribution> KlRegistry register(Class<P> p, Class<Q> q,
            KlDivergence<P, Q> kl) {
        if (closedForms.putIfAbsent(new Key(p, q), kl) != null) {
            throw new IllegalArgumentException("a KL divergence for (" + p.getSimpleName() + ", "
                    + q.getSimpleName() + ") is already registered");
        }
        return this;
    }

    public boolean hasClosedForm(Class<? extends Distribution> p, Class<? extends Distribution> q) {
        return closedForms.containsKey(new Key(p, q));
    }

    /**
     * {@code KL(p || q)}, one value per row. Monte Carlo uses {@code samples} reparameterised draws
     * {@code z ~ p} and averages {@code log p(z) - log q(z)}, so it is unbiased and differentiable
     * in both sides.
     */
    public Var kl(Graph g, Distribution p, Distribution q, KlEstimate estimate, UniformRandomProvider rng,
            int samples) {
        KlDivergence<?, ?> exact = closedForms.get(new Key(p.getClass(), q.getClass()));
        if (estimate == KlEstimate.EXACT && exact == null) {
            throw new IllegalArgumentException("no closed-form KL divergence registered for ("
                    + p.getClass().getSimpleName() + ", " + q.getClass().getSimpleName()
                    + "); register one or ask for a Monte Carlo estimate");
        }
        if (exact != null && estimate != KlEstimate.MONTE_CARLO) {
            return apply(exact, g, p, q);
        }
        return monteCarlo(g, p, q, rng, samples);
    }

    /** The closed form, or an error naming both types. */
    public Var exact(Graph g, Distribution p, Distribution q) {
        return kl(g, p, q, KlEstimate.EXACT, null, 0);
    }

    /** The Monte Carlo estimate from {@code samples} draws of p. */
    public static Var monteCarlo(Graph g, Distribution p, Distribution q, UniformRandomProvider rng, int samples) {
        if (samples <= 0) {
            throw new IllegalArgumentException("a Monte Carlo KL needs at least one sample, got " + samples);
        }
        Var total = null;
        for (int s = 0; s < samples; s++) {
            Var z = p.rsample(g, rng);
            Var term = g.sub(p.logProb(g, z), q.logProb(g, z));
            total = total == null ? term : g.add(total, term);
        }
        return samples == 1 ? total : g.scale(total, 1.0 / samples);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Distribution, Q extends Distribution> Var apply(KlDivergence<P, Q> kl, Graph g,
            Distribution p, Distribution q) {
        return kl.kl(g, (P) p, (Q) q);
    }
}
