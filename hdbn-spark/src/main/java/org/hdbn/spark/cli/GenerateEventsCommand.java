package org.hdbn.spark.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.hdbn.spark.SparkSessions;
import org.hdbn.spark.prepare.EventLogGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn generate-events}: a seeded raw event log (and item table) to try {@code prepare} at any size. */
@Command(name = "generate-events", mixinStandardHelpOptions = true,
        description = "Write a seeded event log (user_id, item_id, mood, timestamp) as Parquet or CSV, and an item table "
                + "(item_id, song_mood vector, genre) as Parquet, on Spark: input for prepare at any size.")
public final class GenerateEventsCommand implements Callable<Integer> {

    @Option(names = "--spark", paramLabel = "MASTER", defaultValue = "local[*]", description = "Spark master (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000", description = "Rows (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--users", paramLabel = "N", defaultValue = "20000", description = "Users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--items", paramLabel = "N", defaultValue = "5000", description = "Items (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--contexts", paramLabel = "N", defaultValue = "20", description = "Contexts (default: ${DEFAULT-VALUE}).")
    int contexts;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "parquet", description = "parquet or csv (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "PATH", required = true, description = "Event log path (a folder of part files).")
    String out;

    @Option(names = "--items-out", paramLabel = "PATH", required = true, description = "Item table path (Parquet).")
    String itemsOut;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        if (!format.equals("parquet") && !format.equals("csv")) {
            throw new IllegalArgumentException("--format must be parquet or csv, got '" + format + "'");
        }
        if (events < 1 || users < 1 || items < 1 || contexts < 1) {
            throw new IllegalArgumentException("--events, --users, --items and --contexts must be at least 1");
        }
        SparkSession spark = SparkSessions.open(master, "hdbn generate-events");
        try {
            EventLogGenerator.write(spark, seed, events, users, items, contexts, format, out, itemsOut);
        } finally {
            spark.stop();
        }
        command.commandLine().getOut().println("wrote " + events + " events to " + out + " and " + items + " items to " + itemsOut);
        return 0;
    }
}
