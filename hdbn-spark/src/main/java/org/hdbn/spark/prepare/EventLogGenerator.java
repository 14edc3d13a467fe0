package org.hdbn.spark.prepare;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * A seeded event log to try {@link DataPreparation} at any size: {@code user_id} ("u" + n),
 * {@code item_id} ("i" + n, popular items far more often: the square of a uniform draw), a
 * {@code mood} context out of {@code contexts}, and a {@code timestamp} increasing with the row; and
 * an item table with a {@code song_mood} vector and a {@code genre}. Every value is a hash of (seed,
 * row, column), so the log is the same however Spark partitions it.
 */
public final class EventLogGenerator {

    private EventLogGenerator() {
    }

    /** Writes {@code events} rows to {@code eventsPath} and {@code items} rows to {@code itemsPath} in {@code format}. */
    public static void write(SparkSession spark, long seed, long events, int users, int items, int contexts,
            String format, String eventsPath, String itemsPath) {
        Dataset<Row> log = spark.range(events).select(
                concat(lit("u"), pmod(hash(seed, 1), lit(users)).cast("string")).as("user_id"),
                concat(lit("i"), floor(uniform(seed, 2).multiply(uniform(seed, 2)).multiply(items)).cast("string")).as("item_id"),
                concat(lit("m"), pmod(hash(seed, 3), lit(contexts)).cast("string")).as("mood"),
                lit(1_600_000_000L).plus(col("id").multiply(10)).plus(pmod(hash(seed, 4), lit(10))).as("timestamp"));
        save(log, format, eventsPath);
        Column[] mood = new Column[9];
        for (int k = 0; k < mood.length; k++) {
            mood[k] = uniform(seed, 10 + k);
        }
        Dataset<Row> table = spark.range(items).select(concat(lit("i"), col("id").cast("string")).as("item_id"),
                array(mood).as("song_mood"), concat(lit("g"), pmod(hash(seed, 5), lit(12)).cast("string")).as("genre"));
        save(table, "parquet", itemsPath);
    }

    private static Column hash(long seed, int column) {
        return xxhash64(lit(seed), lit(column), col("id"));
    }

    /** A uniform draw in [0, 1) from the row's hash. */
    private static Column uniform(long seed, int column) {
        return pmod(hash(seed, column), lit(1L << 40)).divide((double) (1L << 40));
    }

    private static void save(Dataset<Row> table, String format, String path) {
        if (format.equals("csv")) {
            table.write().mode(SaveMode.Overwrite).option("header", "true").csv(path);
        } else {
            table.write().mode(SaveMode.Overwrite).parquet(path);
        }
    }
}
