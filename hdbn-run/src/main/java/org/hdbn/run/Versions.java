package org.hdbn.run;

/** The release version, from the jar's manifest (or "dev" when run from classes). */
public final class Versions {

    private Versions() {
    }

    public static String hdbn() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
