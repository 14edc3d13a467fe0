package org.hdbn.train;

import org.hdbn.data.SeenItems;

/**
 * How a training spec draws negatives, as data ({@code "negativeSampling": {"type": ...}}); the
 * types are registered through {@link org.hdbn.graph.SpecTypeProvider}.
 */
@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
        include = com.fasterxml.jackson.annotation.JsonTypeInfo.As.PROPERTY, property = "type")
public interface NegativeSamplingSpec {

    /** The sampler for training data whose users' known items are {@code seen}. */
    NegativeSampler sampler(SeenItems seen, int numItems);

    /** {@code {"type": "unseen"}}: uniformly from the items the user has not met ({@link UnseenNegatives}). */
    record Unseen() implements NegativeSamplingSpec {
        @Override
        public NegativeSampler sampler(SeenItems seen, int numItems) {
            return new UnseenNegatives(seen, numItems);
        }
    }

    /**
     * {@code {"type": "all_items", "ownItems": k}}: from every item but the positive, k of them from
     * the user's own other items ({@link AllItemNegatives}).
     */
    record AllItems(int ownItems) implements NegativeSamplingSpec {
        @Override
        public NegativeSampler sampler(SeenItems seen, int numItems) {
            return new AllItemNegatives(seen, numItems, ownItems);
        }
    }
}
