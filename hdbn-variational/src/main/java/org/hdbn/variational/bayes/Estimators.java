package org.hdbn.variational.bayes;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.hdbn.graph.SpecException;
import org.hdbn.text.NearestNames;

/**
 * The estimators a spec can name (in any case): those of every {@link EstimatorProvider} on the
 * thread's context class path, hdbn's own ({@link BuiltInEstimators}) found the same way as an
 * extension's (loaded with {@code --plugin}).
 */
public final class Estimators {

    private Estimators() {
    }

    /** The name as a spec stores it: as registered when it matches one in any case, else as given. */
    public static String canonical(String name) {
        for (String known : all().keySet()) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        return name;
    }

    /** A new estimator of the given name; an unknown name is refused with the known ones. */
    public static Estimator named(String name) {
        Map<String, Supplier<Estimator>> all = all();
        Supplier<Estimator> s = all.get(canonical(name));
        if (s == null) {
            throw new SpecException("unknown estimator '" + name + "'" + NearestNames.didYouMean(name, all.keySet())
                    + "; known: " + all.keySet() + "; an estimator from an extension needs its jar on the class path "
                    + "(hdbn --plugin JAR, or HDBN_CLASSPATH)");
        }
        return s.get();
    }

    private static Map<String, Supplier<Estimator>> all() {
        Map<String, Supplier<Estimator>> all = new TreeMap<>();
        for (EstimatorProvider p : ServiceLoader.load(EstimatorProvider.class)) {
            p.estimators().forEach((name, supplier) -> {
                if (all.putIfAbsent(name, supplier) != null) {
                    throw new SpecException("estimator '" + name + "' is registered twice (" + p.getClass().getName()
                            + " registers it again)");
                }
            });
        }
        return all;
    }
}
