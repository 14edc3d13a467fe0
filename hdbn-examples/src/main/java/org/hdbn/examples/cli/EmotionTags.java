package org.hdbn.examples.cli;

import org.hdbn.run.data.EntityIds;

/** Resolves an emotion tag given by name (case-insensitive) or by index. */
final class EmotionTags {

    private EmotionTags() {
    }

    static int resolve(EntityIds tags, String given) {
        try {
            return tags.resolve(given, "emotion tag");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + "; hdbn tags lists them", e);
        }
    }
}
