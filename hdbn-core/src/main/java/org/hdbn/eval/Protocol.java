package org.hdbn.eval;

/**
 * Which evaluation triples count and which items compete with the target.
 *
 * <p>For a triple (user, target, context) every item is a candidate except the user's training
 * items. The two protocols differ only for a target the user already interacted with in training:
 * <ul>
 *   <li>{@link #PAPER} keeps the triple and puts the target back among the candidates. This is the
 *       rule of the HDBN authors' released code. It leaks: a model that scores a user's past items
 *       high gets those hits for free.</li>
 *   <li>{@link #STRICT} drops the triple.</li>
 * </ul>
 *
 * <p>For a triple whose target is unseen both protocols rank the same candidates, so one ranking
 * pass serves both: the recommended list is the PAPER candidate ranking, and the STRICT metrics are
 * the PAPER per-triple metrics restricted to triples whose target is unseen.
 */
public enum Protocol {
    /** Seen items excluded except the target; every triple counts (the released code's rule). */
    PAPER,
    /** Seen items excluded; triples whose target was seen in training are dropped. */
    STRICT;

    /** Lower-case name used in tables, maps and file names ("paper", "strict"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a triple whose target was (not) seen in training counts under this protocol. */
    public boolean counts(boolean targetSeen) {
        return this == PAPER || !targetSeen;
    }
}
