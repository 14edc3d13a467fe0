package org.hdbn.eval;

import org.hdbn.data.Interactions;

/**
 * Recommended lists for evaluation triples: row {@code r} of {@code triples} was recommended
 * {@code lists[r]} among its candidates and {@code fullLists[r]} among all items, best first.
 * Arrays are shared, not copied.
 *
 * @param fullLists the unexcluded lists, or null when the export has none
 */
public record Recommendations(Interactions triples, int[][] lists, int[][] fullLists) {

    public Recommendations {
        if (triples.size() != lists.length) {
            throw new IllegalArgumentException(triples.size() + " triples but " + lists.length + " lists");
        }
        if (fullLists != null && fullLists.length != lists.length) {
            throw new IllegalArgumentException(triples.size() + " triples but " + fullLists.length + " full lists");
        }
    }
}
