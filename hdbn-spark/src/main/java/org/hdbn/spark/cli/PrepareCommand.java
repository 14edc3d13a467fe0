package org.hdbn.spark.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.hdbn.spark.SparkSessions;
import org.hdbn.spark.prepare.DataPreparation;
import org.hdbn.spark.prepare.PrepareSpec;
import org.hdbn.spark.prepare.Split;
import org.hdbn.spark.prepare.UserGroups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn prepare}: interactions (Parquet or CSV) to the atomic-file data set {@code hdbn train --data} reads. */
@Command(name = "prepare", mixinStandardHelpOptions = true,
        description = "Read interactions (Parquet or CSV) and optional item features on Spark, number users, items and "
                + "contexts by their sorted ids, split them, and write the atomic-file data set (NAME.train.inter, "
                + "NAME.valid.inter, NAME.test.inter, NAME.user, NAME.item, ids/) that train --data reads. "
                + "A bad row stops it with the file, row and field; nothing is dropped.")
public final class PrepareCommand implements Callable<Integer> {

    @Option(names = "--spark", paramLabel = "MASTER", defaultValue = "local[*]",
            description = "Spark master: local[N] runs embedded, nothing installed (default: ${DEFAULT-VALUE}); "
                    + "spark://HOST:PORT, yarn, k8s://... a cluster.")
    String master;

    @Option(names = "--input", paramLabel = "PATH", required = true,
            description = "Interactions: a Parquet or CSV file or folder (globs allowed).")
    String input;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "parquet or csv (default: csv for .csv and .csv.gz, else parquet). CSV has a header line.")
    String format;

    @Option(names = "--user", paramLabel = "COLUMN", defaultValue = "user_id", description = "User id column (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--item", paramLabel = "COLUMN", defaultValue = "item_id", description = "Item id column (default: ${DEFAULT-VALUE}).")
    String item;

    @Option(names = "--context", paramLabel = "COLUMN", required = true,
            description = "Context column (e.g. the emotion tag); its name is the context field's name in the files.")
    String context;

    @Option(names = "--time", paramLabel = "COLUMN", description = "Timestamp column (numbers); needed by leave-last-out.")
    String time;

    @Option(names = "--split", paramLabel = "RULE", defaultValue = "random",
            description = "random (80/10/10 by a seeded hash of each row), leave-last-out (per user: latest row test, "
                    + "the one before valid; needs --time), or column:NAME (the column holds train, valid or test). "
                    + "Default: ${DEFAULT-VALUE}.")
    String split;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of the random split (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--items", paramLabel = "PATH",
            description = "Item features (Parquet or CSV): numeric arrays become float_seq fields (item tables), "
                    + "numbers float fields, text token fields (item categories).")
    String items;

    @Option(names = "--item-key", paramLabel = "COLUMN", description = "Item id column of --items (default: the --item name).")
    String itemKey;

    @Option(names = "--user-groups", paramLabel = "K",
            description = "Also write K user groups as the group field of NAME.user (the built-in hdbn specs take their "
                    + "number of groups from it): k-means on each user's histogram over --group-category of their "
                    + "training items, fitted on the driver on a seeded sample of at most --group-sample users, every "
                    + "user assigned on the executors. Needs --items.")
    Integer userGroups;

    @Option(names = "--group-category", paramLabel = "COLUMN", defaultValue = "genre",
            description = "Text column of --items the user histograms count (default: ${DEFAULT-VALUE}).")
    String groupCategory;

    @Option(names = "--group-sample", paramLabel = "N", defaultValue = "100000",
            description = "Most users the k-means fit sees (default: ${DEFAULT-VALUE}).")
    long groupSample;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Folder of the data set.")
    Path out;

    @Option(names = "--name", paramLabel = "NAME", description = "Data set name, the files' stem (default: the folder's name).")
    String name;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        PrepareSpec spec = new PrepareSpec(input, format != null ? format : PrepareSpec.formatOf(input), user, item,
                context, time, parseSplit(split, seed), items, itemKey != null ? itemKey : item,
                userGroups == null ? null : new UserGroups(groupCategory, userGroups, groupSample, seed), this.out,
                name != null ? name : this.out.toAbsolutePath().normalize().getFileName().toString());
        long t0 = System.nanoTime();
        SparkSession spark = SparkSessions.open(master, "hdbn prepare");
        double start = (System.nanoTime() - t0) / 1e9;
        try {
            DataPreparation.Summary s = new DataPreparation(spark).run(spec);
            out.printf("prepared %s on %s (session %.1f s, preparation %.1f s): %d users, %d items, %d contexts; "
                    + "rows %s%n", spec.out(), master, start, (System.nanoTime() - t0) / 1e9 - start, s.users(), s.items(),
                    s.contexts(), s.rows());
            s.files().forEach(f -> out.println("wrote " + f));
        } finally {
            spark.stop();
        }
        return 0;
    }

    static Split parseSplit(String rule, long seed) {
        if (rule.equals("random")) {
            return Split.random(seed);
        }
        if (rule.equals("leave-last-out")) {
            return Split.leaveLastOut();
        }
        if (rule.startsWith("column:") && rule.length() > "column:".length()) {
            return Split.given(rule.substring("column:".length()));
        }
        throw new IllegalArgumentException("--split must be random, leave-last-out or column:NAME, got '" + rule + "'");
    }
}
