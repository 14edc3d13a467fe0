package org.hdbn.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Named model specs shipped in a jar (hdbn-examples ships {@code hdbn}, {@code hdbn-paper}, the
 * ablations and the trained baselines), found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/org.hdbn.run.SpecLibrary}) so that {@link ModelSpec} reads them by
 * name and a spec file may {@code "extends"} one.
 */
public interface SpecLibrary {

    /** The specs' names, the reference one first. */
    List<String> names();

    /** The JSON text of the named spec, or null when this library has none of that name. */
    InputStream open(String name) throws IOException;
}
