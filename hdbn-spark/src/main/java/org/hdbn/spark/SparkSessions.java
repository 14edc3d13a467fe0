package org.hdbn.spark;

import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;

/**
 * Opens the Spark sessions hdbn runs its jobs in. A {@code local[N]} master runs Spark embedded in
 * this JVM with nothing installed; any other master ({@code spark://host:port}, {@code yarn},
 * {@code k8s://...}) is passed through, as {@code spark-submit --master} would. hdbn's settings: no
 * web UI (a command line run has no one to look at it), and for an embedded master a driver bound
 * to the loopback address (a laptop without a resolvable host name still starts) and four shuffle
 * partitions per core instead of Spark's 200.
 */
public final class SparkSessions {

    private SparkSessions() {
    }

    /** Whether the master runs Spark inside this JVM ({@code local}, {@code local[N]}, {@code local[*]}). */
    public static boolean isLocal(String master) {
        return master.equals("local") || master.startsWith("local[");
    }

    /** The cores of a local master: N of {@code local[N]}, all of {@code local[*]}, 1 of {@code local}. */
    static int localCores(String master) {
        if (master.equals("local")) {
            return 1;
        }
        String n = master.substring("local[".length(), master.indexOf(']') < 0 ? master.length() : master.indexOf(']'));
        if (n.equals("*")) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            return Math.max(1, Integer.parseInt(n.split(",")[0].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a local master is local, local[N] or local[*], got '" + master + "'", e);
        }
    }

    /**
     * A session on the given master with hdbn's settings and the extra ones given (which win).
     *
     * @throws IllegalArgumentException if the master is blank
     */
    public static SparkSession open(String master, String appName, Map<String, String> settings) {
        Objects.requireNonNull(master, "master");
        if (master.isBlank()) {
            throw new IllegalArgumentException("a Spark master is needed, e.g. local[2] or spark://host:7077");
        }
        SparkSession.Builder builder = SparkSession.builder().master(master).appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false");
        if (isLocal(master)) {
            builder.config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                    // Spark's 200 shuffle partitions are for clusters: on a few local cores each
                    // shuffle would run 200 small tasks (prepare: 3000 tasks for 1e6 rows)
                    .config("spark.sql.shuffle.partitions", Integer.toString(4 * localCores(master)));
        }
        settings.forEach(builder::config);
        return builder.getOrCreate();
    }

    /** {@link #open(String, String, Map)} with hdbn's settings only. */
    public static SparkSession open(String master, String appName) {
        return open(master, appName, Map.of());
    }
}
