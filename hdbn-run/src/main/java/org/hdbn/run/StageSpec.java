package org.hdbn.run;

import java.util.List;
import org.hdbn.graph.SpecException;

/**
 * One training stage: the loss nodes it minimises and the parameters it holds fixed. The released
 * HDBN code, for example, first fits the per-group mood networks alone, then freezes them and
 * trains the rest.
 *
 * @param name    a label for progress lines
 * @param epochs  passes over the training positives
 * @param losses  loss nodes computed (and what they read); when empty, every node but the score
 *                terms no node reads ({@link ModelSpec#trainingTargets})
 * @param freeze  parameter name prefixes held fixed in this stage
 */
public record StageSpec(String name, int epochs, List<String> losses, List<String> freeze) {

    public StageSpec {
        if (epochs < 0) {
            throw new SpecException("stage '" + name + "': epochs must not be negative, got " + epochs);
        }
        name = name == null ? "train" : name;
        losses = losses == null ? List.of() : List.copyOf(losses);
        freeze = freeze == null ? List.of() : List.copyOf(freeze);
    }
}
