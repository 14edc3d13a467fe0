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
    record Unseen() implements NegativeSamplingSpec {
        @Override
        public NegativeSampler sampler(Interactions train, int numItems) {
            return new UnseenNegatives(SeenItems.of(train), numItems);
        }
    }

    /**
     * {@code {"type": "all_items", "ownItems": k, "repeatsOnly": true}}: from every item but the
     * positive, k of them from the user's own other items ({@link AllItemNegatives}); with
     * {@code repeatsOnly}, only for a positive the user played more than once in training (a
     * re-listen, where the question is which known item), others get k uniform draws instead.
     */
    record AllItems(int ownItems, Boolean repeatsOnly) implements NegativeSamplingSpec {
        @Override
        public NegativeSampler sampler(Interactions train, int numItems) {
            ContextHistory events = Boolean.TRUE.equals(repeatsOnly) ? ContextHistory.of(train) : null;
            return new AllItemNegatives(SeenItems.of(train), numItems, ownItems,
                    events == null ? (u, i) -> true : (u, i) -> events.contexts(u, i).length > 1);
        }
    }
}
