package org.hdbn.smile;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hdbn.gate.CentroidGate;
import org.hdbn.gate.FeatureRows;

/** Checks and provenance shared by the Smile-backed fitters. */
final class SmileGates {

    /** The Smile release these fitters are written against, recorded in every gate. */
    static final String LIBRARY = "smile-core 2.6.0";

    private SmileGates() {
    }

    static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " = " + value + ", expected at least " + min);
        }
    }

    static void requirePositive(String name, double value) {
        if (!(value > 0.0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + ", expected a positive number");
        }
    }

    /** Fails unless at least {@code needed} entities have features. */
    static void requireFeatured(FeatureRows rows, int needed, String what) {
        if (rows.numFeatured() < needed) {
            throw new IllegalArgumentException(what + " needs at least " + needed
                    + " entities with features (non-zero rows), got " + rows.numFeatured() + " of "
                    + rows.numEntities());
        }
    }

    /** Provenance entries common to every Smile fit, in a stable order. */
    static Map<String, String> provenance(String method, long seed, FeatureRows rows) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", method);
        p.put("library", LIBRARY);
        p.put("seed", Long.toString(seed));
        p.put("entities", Integer.toString(rows.numEntities()));
        p.put("entitiesWithFeatures", Integer.toString(rows.numFeatured()));
        return p;
    }

    static CentroidGate gate(FeatureRows rows, double[][] centroids, Map<String, String> provenance) {
        provenance.put("groups", Integer.toString(centroids.length));
        return CentroidGate.fromCentroids(rows, centroids, provenance);
    }
}
