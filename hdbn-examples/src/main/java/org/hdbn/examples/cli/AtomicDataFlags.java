package org.hdbn.examples.cli;

import org.hdbn.run.atomic.AtomicOptions;
import org.hdbn.run.atomic.UnknownIds;
import picocli.CommandLine.Option;

/** The options of a data set in RecBole atomic files, for the commands that read {@code --data}. */
final class AtomicDataFlags {

    @Option(names = "--context-field", paramLabel = "FIELD", description = "Atomic files: the .inter token field "
            + "that is the context (default: the one token field besides user_id and item_id; none: one context).")
    String contextField;

    @Option(names = "--unknown-ids", paramLabel = "fail|drop", defaultValue = "fail", description = "Atomic files: "
            + "validation rows whose user, item or context is not in the training data, .item or .user: fail "
            + "(default) or drop them, counted.")
    String unknownIds;

    AtomicOptions options() {
        return switch (unknownIds) {
            case "fail" -> new AtomicOptions(contextField, UnknownIds.FAIL);
            case "drop" -> new AtomicOptions(contextField, UnknownIds.DROP);
            default -> throw new IllegalArgumentException("--unknown-ids must be fail or drop, got '" + unknownIds + "'");
        };
    }
}
