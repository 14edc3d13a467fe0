package org.hdbn.examples.cli;

import java.util.List;
import org.hdbn.text.NearestNames;

/** Resolves an emotion tag given by name (case-insensitive) or by index. */
final class EmotionTags {

    private EmotionTags() {
    }

    static int resolve(List<String> tags, String given) {
        for (int i = 0; i < tags.size(); i++) {
            if (tags.get(i).equalsIgnoreCase(given.trim())) {
                return i;
            }
        }
        if (given.trim().chars().allMatch(Character::isDigit) && !given.isBlank()) {
            int i = Integer.parseInt(given.trim());
            if (i < tags.size()) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown emotion tag '" + given + "'" + NearestNames.didYouMean(given, tags)
                + " (" + tags.size() + " tags, indexes 0.." + (tags.size() - 1) + "; hdbn tags lists them)");
    }
}
