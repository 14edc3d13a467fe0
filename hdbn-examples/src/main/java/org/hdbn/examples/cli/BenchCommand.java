package org.hdbn.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.examples.bench.TrainingBench;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.data.EmoMusicLoader;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.hdbn.graph.SpecMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn bench}: times training epochs, full-ranking evaluation and the heap they need. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time training epochs and the full-ranking evaluation; report examples/s, peak heap and the "
                + "GFLOP/s of the training step against the machine's measured peak. Without --data, on a generated "
                + "data set of EmoMusicLJ's size.")
final class BenchCommand implements Callable<Integer> {

    /** A generated set shaped like EmoMusicLJ: users, songs, tags, genres, groups, positives per user. */
    static final SyntheticEmoMusic.Config EMOMUSICLJ_SIZED =
            new SyntheticEmoMusic.Config(15_000, 6_000, 132, 20, 50, 9, 0.11, 1L);

    @Option(names = "--data", paramLabel = "DIR", description = "Data set folder in the EmoMusicLJ layout "
            + "(default: a generated set of EmoMusicLJ's size, in a temporary folder).")
    Path data;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3",
            description = "Training epochs timed (default: ${DEFAULT-VALUE}); the first includes JIT warm-up, the summary reports the last.")
    int epochs;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--spec", paramLabel = "FILE|NAME", defaultValue = "hdbn",
            description = "Model spec: a JSON file or a built-in name (default: ${DEFAULT-VALUE}).")
    String specName;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "tape", description = "Autodiff engine (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--eval-runs", paramLabel = "N", defaultValue = "3",
            description = "Times the evaluation is run (default: ${DEFAULT-VALUE}); the best is reported.")
    int evalRuns;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        if (epochs < 1 || evalRuns < 0) {
            throw new IllegalArgumentException("--epochs must be at least 1 and --eval-runs not negative, got "
                    + epochs + " and " + evalRuns);
        }
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + t);
        }
        AutodiffEngine engineImpl = Engines.byName(engine);
        var spec = SpecFiles.load(new SpecMapper(), specName);
        Path generated = null;
        try {
            EmoMusicDataset dataset;
            if (data != null) {
                dataset = EmoMusicLoader.load(data);
            } else {
                generated = Files.createTempDirectory("hdbn-bench-");
                out.println("no --data given: generating a data set of EmoMusicLJ's size in " + generated);
                out.flush();
                SyntheticEmoMusic.generate(EMOMUSICLJ_SIZED.withSeed(seed), generated);
                dataset = EmoMusicLoader.load(generated);
            }
            new TrainingBench(spec, dataset, engineImpl, seed, t, out).run(epochs, evalRuns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (generated != null) {
                deleteTree(generated);
            }
        }
        return 0;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the generated data in " + dir, e);
        }
    }
}
