package org.hdbn.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.hdbn.graph.SpecException;

/** The {@link SpecLibrary}s on the class path, looked up when asked (nothing is cached). */
public final class SpecLibraries {

    private SpecLibraries() {
    }

    /** Every built-in spec name of every library, in the libraries' order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (SpecLibrary library : ServiceLoader.load(SpecLibrary.class)) {
            names.addAll(library.names());
        }
        return List.copyOf(names);
    }

    /** The JSON text of a built-in spec, or null when no library has it. */
    static InputStream open(String name) {
        for (SpecLibrary library : ServiceLoader.load(SpecLibrary.class)) {
            if (library.names().contains(name)) {
                try {
                    return library.open(name);
                } catch (IOException e) {
                    throw new SpecException("cannot read built-in spec " + name + ": " + e.getMessage(), e);
                }
            }
        }
        return null;
    }
}
