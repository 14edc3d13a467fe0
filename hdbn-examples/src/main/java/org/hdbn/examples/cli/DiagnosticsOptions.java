package org.hdbn.examples.cli;

import org.hdbn.examples.diagnostics.EmotionDiagnostics;
import picocli.CommandLine.Option;

/** The options of the emotion diagnostics, shared by {@code evaluate} and {@code experiment}. */
final class DiagnosticsOptions {

    @Option(names = "--no-diagnostics", description = "Skip the emotion diagnostics.")
    boolean off;

    @Option(names = "--diagnostics-triples", paramLabel = "N", defaultValue = "" + EmotionDiagnostics.Options.DEFAULT_TRIPLES,
            description = "Triples sampled for the sensitivity to the emotion (default: ${DEFAULT-VALUE}).")
    int triples;

    @Option(names = "--diagnostics-emotions", paramLabel = "R", defaultValue = "" + EmotionDiagnostics.Options.DEFAULT_EMOTIONS,
            description = "Other emotions drawn per sampled triple (default: ${DEFAULT-VALUE}).")
    int emotions;

    @Option(names = "--diagnostics-seed", paramLabel = "S",
            description = "Seed of the emotion permutation and the sample (default: the model's or run's seed).")
    Long seed;

    boolean enabled() {
        return !off;
    }

    /** The options, seeded with {@code defaultSeed} unless a seed was given. */
    EmotionDiagnostics.Options options(long defaultSeed) {
        return new EmotionDiagnostics.Options(seed == null ? defaultSeed : seed, triples, emotions, 10);
    }
}
