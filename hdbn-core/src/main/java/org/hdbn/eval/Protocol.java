package org.hdbn.eval;

/**
 * Which evaluation triples count and which items compete with the target.
 *
 * <p>Every triple (user, target, context) ranks all items. The protocols differ in what they do with
 * the user's training items and with triples whose target is one of them:
 * <ul>
 *   <li>{@link #PAPER} removes the user's training items from the candidates except the target, and
 *       keeps every triple. This is the rule of the HDBN authors' released code. It leaks: a model
 *       that scores a user's past items high gets those hits for free.</li>
 *   <li>{@link #STRICT} removes the user's training items and drops triples whose target is one of
 *       them: it measures finding new items.</li>
 *   <li>{@link #FULL} removes nothing and keeps every triple: known and new items compete, as when a
 *       person picks what to play next. Only this protocol measures fairly which known items a user
 *       returns to in a context.</li>
 * </ul>
 *
 * <p>One ranking pass serves all three: for a triple whose target is unseen PAPER and STRICT rank
 * the same candidates, so STRICT's metrics are PAPER's restricted to those triples; FULL ranks the
 * same scores over all items.
 */
public enum Protocol {
    /** Seen items excluded except the target; every triple counts (the released code's rule). */
    PAPER,
    /** Seen items excluded; triples whose target was seen in training are dropped. */
    STRICT,
    /** Nothing excluded; every triple counts. */
    FULL;

    /** Lower-case name used in tables, maps and file names ("paper", "strict", "full"). */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a triple whose target was (not) seen in training counts under this protocol. */
    public boolean counts(boolean targetSeen) {
        return this != STRICT || !targetSeen;
    }

    /** Whether the user's training items (other than the target) are removed from the candidates. */
    public boolean excludesSeen() {
        return this != FULL;
    }
}
