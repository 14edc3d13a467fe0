package org.hdbn.eval;

import org.hdbn.data.Interactions;

/**
 * Recommended lists for evaluation triples: row {@code r} of {@code triples} was recommended
 * {@code lists[r]}, best first. Arrays are shared, not copied.
 */
public record Recommendations(Interactions triples, int[][] lists) {

    public Recommendations {
        if (triples.size() != lists.length) {
            throw new IllegalArgumentException(triples.size() + " triples but " + lists.length + " lists");
        }
    }
}
