package org.hdbn.run.atomic;

import org.hdbn.data.Interactions;

/**
 * The triples of one {@code .inter} file and how many of its rows were left out for unknown ids
 * ({@link UnknownIds#DROP}; always 0 under {@link UnknownIds#FAIL}).
 *
 * @param interactions the rows kept, in file order
 * @param dropped      rows left out
 */
public record InterSplit(Interactions interactions, int dropped) {
}
