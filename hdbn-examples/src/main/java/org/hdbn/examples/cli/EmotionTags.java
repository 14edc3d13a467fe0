package org.hdbn.examples.cli;

import java.util.List;

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
        List<String> close = tags.stream().filter(t -> t.startsWith(given.trim().toLowerCase(java.util.Locale.ROOT))
                || given.toLowerCase(java.util.Locale.ROOT).startsWith(t)).limit(5).toList();
        throw new IllegalArgumentException("unknown emotion tag '" + given + "' (" + tags.size() + " tags, indexes 0.."
                + (tags.size() - 1) + (close.isEmpty() ? ")" : "; did you mean " + close + "?)"));
    }
}
