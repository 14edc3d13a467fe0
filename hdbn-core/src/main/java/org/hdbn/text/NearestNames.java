package org.hdbn.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "Did you mean ...": the valid names closest to a misspelt one, by edit distance (insertions,
 * deletions, substitutions and swaps of neighbours, ignoring case), for error messages.
 */
public final class NearestNames {

    private NearestNames() {
    }

    /**
     * Up to {@code max} names within an edit distance of a third of the longer word (at least 1)
     * and at most one edit further than the nearest, nearest first; when none is that close, the
     * names that contain the given one or are contained in it.
     */
    public static List<String> nearest(String given, Collection<String> valid, int max) {
        String g = given.toLowerCase(Locale.ROOT).strip();
        record Scored(String name, int distance) {
        }
        List<Scored> close = new ArrayList<>();
        List<Scored> containing = new ArrayList<>();
        for (String v : valid) {
            String lower = v.toLowerCase(Locale.ROOT);
            int d = distance(g, lower);
            if (d <= Math.max(1, Math.max(g.length(), lower.length()) / 3)) {
                close.add(new Scored(v, d));
            } else if (!g.isEmpty() && (lower.contains(g) || g.contains(lower))) {
                containing.add(new Scored(v, d));
            }
        }
        List<Scored> chosen = close.isEmpty() ? containing : close;
        chosen.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        // names much further than the nearest are noise beside it
        int cutoff = chosen.isEmpty() ? 0 : chosen.get(0).distance() + 1;
        return chosen.stream().filter(x -> x.distance() <= cutoff).limit(max).map(Scored::name)
                .toList();
    }

    /** {@code " (did you mean 'a' or 'b'?)"}, or the empty string when nothing is close. */
    public static String didYouMean(String given, Collection<String> valid) {
        List<String> close = nearest(given, valid, 3);
        if (close.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (did you mean ");
        for (int i = 0; i < close.size(); i++) {
            sb.append(i == 0 ? "" : i == close.size() - 1 ? " or " : ", ").append('\'').append(close.get(i)).append('\'');
        }
        return sb.append("?)").toString();
    }

    /** Optimal string alignment distance: Levenshtein plus swaps of adjacent characters. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
