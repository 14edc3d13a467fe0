package org.hdbn.examples.recommender;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One setting of a baseline's hyperparameters, e.g. {@code lambda=50 alpha=0.3}: names to values,
 * in the order they were declared.
 *
 * @param values parameter name to value
 */
public record GridPoint(Map<String, Double> values) {

    public GridPoint {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a grid point needs at least one parameter");
        }
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a parameter. */
    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("grid point " + this + " has no parameter '" + name + "'");
        }
        return v;
    }

    /** One point per value of a single parameter. */
    public static List<GridPoint> of(String name, double... grid) {
        List<GridPoint> out = new ArrayList<>();
        for (double v : grid) {
            out.add(new GridPoint(Map.of(name, v)));
        }
        return out;
    }

    /** Every combination of these points with each value of one more parameter; earlier parameters vary slowest. */
    public static List<GridPoint> times(List<GridPoint> points, String name, double... grid) {
        List<GridPoint> out = new ArrayList<>();
        for (GridPoint p : points) {
            for (double v : grid) {
                Map<String, Double> m = new LinkedHashMap<>(p.values());
                if (m.put(name, v) != null) {
                    throw new IllegalArgumentException("parameter '" + name + "' is already in the grid");
                }
                out.add(new GridPoint(m));
            }
        }
        return out;
    }

    /** e.g. {@code lambda=50 alpha=0.3}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=').append(format(v)));
        return sb.toString();
    }

    static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
