package org.hdbn.variational.bayes;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.hdbn.graph.SpecException;
import org.hdbn.text.NearestNames;

/**
 * The estimators a spec can name: {@link EstimatorKind}'s built-in ones (any case) and those of
 * every {@link EstimatorProvider} on the thread's context class path (so extensions loaded with
 * {@code --plugin} are seen).
 */
public final class Estimators {

    private Estimators() {
    }

    /** The name as a spec stores it: a built-in name in lower case, another name as given. */
    public static String canonical(String name) {
        for (EstimatorKind k : EstimatorKind.values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k.specName();
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
        for (EstimatorKind k : EstimatorKind.values()) {
            all.put(k.specName(), k::estimator);
        }
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
