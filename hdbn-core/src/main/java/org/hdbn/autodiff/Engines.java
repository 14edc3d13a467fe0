package org.hdbn.autodiff;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Finds autodiff engines through {@link ServiceLoader} and selects one by name. The default is
 * {@value #DEFAULT}; the system property {@value #PROPERTY} overrides it.
 */
public final class Engines {

    public static final String DEFAULT = "tape";
    public static final String PROPERTY = "hdbn.engine";

    private Engines() {
    }

    /** The engine with this name; the error lists the engines that are installed. */
    public static AutodiffEngine byName(String name) {
        List<String> names = new ArrayList<>();
        for (AutodiffEngine engine : ServiceLoader.load(AutodiffEngine.class)) {
            if (engine.name().equals(name)) {
                return engine;
            }
            names.add(engine.name());
        }
        throw new IllegalArgumentException("no autodiff engine named '" + name + "'; installed: " + names);
    }

    /** The engine named by the system property {@value #PROPERTY}, else {@value #DEFAULT}. */
    public static AutodiffEngine defaultEngine() {
        return byName(System.getProperty(PROPERTY, DEFAULT));
    }

    /** Names of the installed engines. */
    public static List<String> available() {
        List<String> names = new ArrayList<>();
        ServiceLoader.load(AutodiffEngine.class).forEach(e -> names.add(e.name()));
        return names;
    }
}
