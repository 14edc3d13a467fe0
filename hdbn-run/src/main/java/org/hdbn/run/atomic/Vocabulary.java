package org.hdbn.run.atomic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The dense ids of one token field: token {@code i} of {@link #tokens()} has id {@code i}.
 *
 * <p>The rule ({@link #sorted}): the distinct tokens in ascending order, numerically when every
 * token is a plain non-negative integer ({@code 0}, {@code 7}, {@code 12}, no sign, no leading
 * zero), otherwise by Java's string order (UTF-16 code units, so {@code "u10"} comes before
 * {@code "u9"}). The ids thus depend only on which tokens occur, never on the order of rows or
 * files; a data set whose tokens are already the ids {@code 0..n-1} keeps them.
 */
public final class Vocabulary {

    private static final Pattern PLAIN_INTEGER = Pattern.compile("0|[1-9][0-9]{0,17}");

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        this.ids = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < tokens.size(); i++) {
            if (ids.put(tokens.get(i), i) != null) {
                throw new IllegalArgumentException("token '" + tokens.get(i) + "' appears twice");
            }
        }
    }

    /** The distinct {@code tokens} in the order of the class comment. */
    public static Vocabulary sorted(Collection<String> tokens) {
        // distinct first: a split repeats each id many times, and only the distinct ones need sorting
        List<String> distinct = new ArrayList<>(new HashSet<>(tokens));
        boolean numeric = distinct.stream().allMatch(t -> PLAIN_INTEGER.matcher(t).matches());
        distinct.sort(numeric ? Comparator.comparingLong(Long::parseLong) : Comparator.naturalOrder());
        return new Vocabulary(distinct);
    }

    /** The tokens with ids in the given order (e.g. as saved with a model); they must be distinct. */
    public static Vocabulary inOrder(List<String> tokens) {
        return new Vocabulary(tokens);
    }

    /** Number of ids. */
    public int size() {
        return tokens.size();
    }

    /** The token of id {@code id}. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** The id of {@code token}, or -1 when it is not in the vocabulary. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** The tokens by id. */
    public List<String> tokens() {
        return tokens;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary other && tokens.equals(other.tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary[" + tokens.size() + " tokens]";
    }
}
