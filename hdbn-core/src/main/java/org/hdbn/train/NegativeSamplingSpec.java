package org.hdbn.train;

import org.hdbn.data.ContextHistory;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;

/**
 * How a training spec draws negatives, as data ({@code "negativeSampling": {"type": ...}}); the
 * types are registered through {@link org.hdbn.graph.SpecTypeProvider}.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.PROPERTY, property = "type")
public interface NegativeSamplingSpec {

    /** The sampler for the given training interactions. */
    NegativeSampler sampler(Interactions train, int numItems);

    /** {@code {"type": "unseen"}}: uniformly from the items the user has not met ({@link UnseenNegatives}). */
    @com.fasterxml.jackson.annotation.JsonClassDescription("negatives: uniformly from the items the user has not met")
    record Unseen() implements NegativeSamplingSpec {
        @Override
        public NegativeSampler sampler(Interactions train, int numItems) {
            return new UnseenNegatives(SeenItems.of(train), numItems);
        }
    }

    /**
     * {@code {"type": "all_items", "ownShare": p, "repeatOwnShare": q}}: from every item but the
     * positive, each negative one of the user's other items with probability p (q for a positive the
     * user played more than once in training; default p), see {@link AllItemNegatives}.
     */
    @com.fasterxml.jackson.annotation.JsonClassDescription("negatives: from every item but the positive, a share of them the user's own other items")
    record AllItems(Double ownShare, Double repeatOwnShare) implements NegativeSamplingSpec {
        @Override
        public NegativeSampler sampler(Interactions train, int numItems) {
            double p = ownShare == null ? 0.0 : ownShare;
            double q = repeatOwnShare == null ? p : repeatOwnShare;
            ContextHistory events = ContextHistory.of(train);
            return new AllItemNegatives(SeenItems.of(train), numItems, p, q, (u, i) -> events.contexts(u, i).length > 1);
        }
    }
}
