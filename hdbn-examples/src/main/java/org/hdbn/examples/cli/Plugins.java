package org.hdbn.examples.cli;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Extensions on the class path: the jars (or class folders) given with {@code --plugin} and in
 * the {@code HDBN_CLASSPATH} environment variable (entries separated by {@code :}) are put in a
 * class loader that becomes the thread's context loader while a command runs, so every
 * {@link java.util.ServiceLoader} lookup (spec types, KL pairs, engines, gates) sees them.
 */
final class Plugins {

    static final String ENVIRONMENT = "HDBN_CLASSPATH";

    private Plugins() {
    }

    /** Every entry, checked: an extension that is not there is an error, not a missing type later. */
    static List<Path> entries(List<Path> plugins, String classpath) {
        List<Path> out = new ArrayList<>();
        for (Path p : plugins) {
            out.add(check(p, "--plugin"));
        }
        if (classpath != null) {
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    out.add(check(Path.of(entry.strip()), ENVIRONMENT + " entry"));
                }
            }
        }
        return out;
    }

    /** A loader for the entries with {@code parent} behind it, or {@code parent} when there are none. */
    static ClassLoader loader(List<Path> entries, ClassLoader parent) {
        if (entries.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[entries.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = entries.get(i).toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(entries.get(i) + ": not a usable path: " + e.getMessage(), e);
            }
        }
        return new URLClassLoader("hdbn-plugins", urls, parent);
    }

    private static Path check(Path p, String what) {
        if (Files.isDirectory(p)) {
            return p;
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException(what + " " + p + ": no such file");
        }
        if (!p.getFileName().toString().endsWith(".jar")) {
            throw new IllegalArgumentException(what + " " + p + ": not a jar (an extension is a .jar or a folder of classes)");
        }
        return p;
    }
}
