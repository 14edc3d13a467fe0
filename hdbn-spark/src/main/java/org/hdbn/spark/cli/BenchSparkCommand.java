package org.hdbn.spark.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hdbn.spark.SparkBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn bench-spark}: evaluation on Spark against the single process, with Spark's fixed costs. */
@Command(name = "bench-spark", mixinStandardHelpOptions = true,
        description = "Measure full-ranking evaluation on seeded scores: queries/s of the single process (1 and 2 threads) "
                + "and on each Spark master, session start, the overhead of a trivial job, the driver's peak heap. "
                + "Every Spark result is checked equal to the single process's.")
public final class BenchSparkCommand implements Callable<Integer> {

    @Option(names = "--masters", paramLabel = "M,...", split = ",", defaultValue = "local[1],local[2]",
            description = "Spark masters measured, in order (default: ${DEFAULT-VALUE}).")
    List<String> masters;

    @Option(names = "--queries", defaultValue = "20000", description = "Evaluation rows (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--items", defaultValue = "6180", description = "Items ranked per row (default: ${DEFAULT-VALUE}, EmoMusicLJ's songs).")
    int items;

    @Option(names = "--dim", defaultValue = "64", description = "Tower width (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--users", defaultValue = "15000", description = "Users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--seen", defaultValue = "8", description = "Training items per user (default: ${DEFAULT-VALUE}).")
    int seen;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed runs after one warm-up; the best counts (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        if (queries < 1 || items < 1 || dim < 1 || users < 1 || seen < 0 || repeats < 1) {
            throw new IllegalArgumentException("--queries, --items, --dim, --users and --repeats must be at least 1, --seen 0 or more");
        }
        PrintWriter out = command.commandLine().getOut();
        out.printf("bench-spark: %d queries x %d items, width %d, %d users with %d training items, %d cores%n", queries,
                items, dim, users, seen, Runtime.getRuntime().availableProcessors());
        Map<String, Double> figures = SparkBench.run(new SparkBench.Size(queries, items, dim, users, seen, seed), masters,
                repeats);
        figures.forEach((k, v) -> out.printf("  %-48s %12.1f%n", k, v));
        return 0;
    }
}
