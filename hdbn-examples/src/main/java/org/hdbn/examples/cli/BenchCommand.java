package org.hdbn.examples.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.examples.bench.EngineComparison;
import org.hdbn.examples.bench.ThreadScalingBench;
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

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "6",
            description = "Training epochs timed (default: ${DEFAULT-VALUE}); the first includes JIT warm-up, the summary "
                    + "reports the median of the others (the next few still run faster as the JIT settles).")
    int epochs;

    @Option(names = "--threads", paramLabel = "T[,T...]", split = ",", description = "Worker threads (default: "
            + "available processors). Several counts compare them in one process on one engine: each epoch is trained "
            + "on every count in turn, and the summary gives the speed-ups over the first.")
    List<Integer> threads;

    @Option(names = "--shards", paramLabel = "N", description = "Passes each step's batch is cut into (default: the "
            + "spec's, else 2); the results depend on it, not on --threads.")
    Integer shards;

    @Option(names = "--spec", paramLabel = "FILE|NAME", defaultValue = "hdbn",
            description = "Model spec: a JSON file or a built-in name (default: ${DEFAULT-VALUE}).")
    String specName;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--engine", paramLabel = "NAME[,NAME...]", defaultValue = "tape", split = ",",
            description = "Autodiff engines, each timed on the same epochs, evaluation and dense kernel; with two or "
                    + "more the ratios to the first are printed (default: ${DEFAULT-VALUE}). The djl engine trains "
                    + "with one thread (PyTorch's gradient recorder is one per process).")
    List<String> engines;

    @Option(names = "--eval-runs", paramLabel = "N", defaultValue = "8",
            description = "Times the evaluation is run (default: ${DEFAULT-VALUE}); the best is reported (the "
                    + "ranking is compiled over the first few runs).")
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
        List<Integer> counts = threads == null ? List.of(Runtime.getRuntime().availableProcessors()) : threads;
        for (int t : counts) {
            if (t < 1) {
                throw new IllegalArgumentException("--threads must be at least 1, got " + t);
            }
        }
        if (counts.stream().distinct().count() < counts.size()) {
            throw new IllegalArgumentException("--threads lists a count twice: " + counts);
        }
        List<AutodiffEngine> engineImpls = engines.stream().map(Engines::byName).toList();
        if (counts.size() > 1 && (engineImpls.size() > 1 || engineImpls.get(0).name().equals("djl"))) {
            throw new IllegalArgumentException("several --threads " + counts + " are compared on one engine that "
                    + "trains on several threads, got --engine " + String.join(",", engines)
                    + " (djl trains with one thread)");
        }
        int t = counts.get(0);
        var spec = SpecFiles.load(new SpecMapper(), specName);
        if (shards != null) {
            if (shards < 1) {
                throw new IllegalArgumentException("--shards must be at least 1, got " + shards);
            }
            spec = spec.withTraining(spec.training().withShards(shards));
        }
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
            if (counts.size() > 1) {
                // models that differ across thread counts break a promise of the trainer: a failed check
                return new ThreadScalingBench(spec, dataset, engineImpls.get(0), seed, counts, out).run(epochs)
                        .sameParameters() ? 0 : 1;
            }
            List<TrainingBench.Result> results = new ArrayList<>();
            for (AutodiffEngine e : engineImpls) {
                int engineThreads = e.name().equals("djl") ? 1 : t;
                results.add(new TrainingBench(spec, dataset, e, seed, engineThreads, out).run(epochs, evalRuns));
            }
            if (results.size() > 1) {
                compare(out, engineImpls, results);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (generated != null) {
                deleteTree(generated);
            }
        }
        return 0;
    }

    /** The same epoch, evaluation and a 64 x 64 dense layer at batch 512 on every engine, as ratios. */
    private static void compare(PrintWriter out, List<AutodiffEngine> engines, List<TrainingBench.Result> results) {
        List<Duration> kernel = EngineComparison.compare(engines, 200, 2000);
        TrainingBench.Result first = results.get(0);
        for (int i = 0; i < engines.size(); i++) {
            TrainingBench.Result r = results.get(i);
            out.println(String.format(Locale.ROOT, "engine %s: epoch %.2f s, evaluation %.3f s, dense kernel %.3f ms "
                    + "(forward+backward, 64x64, batch 512, mean of 2000)", r.engine(), r.epochSeconds(),
                    r.evaluationSeconds(), kernel.get(i).toNanos() / 1e6));
        }
        for (int i = 1; i < engines.size(); i++) {
            TrainingBench.Result r = results.get(i);
            out.println(String.format(Locale.ROOT, "ratio %s/%s: epoch %.2f, evaluation %.2f, dense kernel %.2f",
                    first.engine(), r.engine(), first.epochSeconds() / r.epochSeconds(),
                    first.evaluationSeconds() / r.evaluationSeconds(),
                    kernel.get(0).toNanos() / (double) kernel.get(i).toNanos()));
        }
        out.flush();
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
