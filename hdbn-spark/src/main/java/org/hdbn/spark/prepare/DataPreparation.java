package org.hdbn.spark.prepare;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import org.hdbn.io.DataFormatException;

/**
 * Turns an interaction table (and optionally item features) into the atomic-file data set that
 * {@code hdbn train --data DIR} reads: {@code NAME.train.inter}, {@code NAME.valid.inter},
 * {@code NAME.test.inter}, {@code NAME.user}, {@code NAME.item}, and the id maps under {@code ids/}.
 *
 * <p>The atomic files hold the original ids as tokens; {@code NAME.user} and {@code NAME.item} list
 * every user and item, so the reader's ids (sorted tokens, {@link DenseIds}) cover users and items
 * that occur only in the valid or test split, and equal the ids written under {@code ids/}. Rows of
 * each file are sorted by (user id, timestamp, item id, context), so the files depend on the input
 * rows only, not on how Spark partitioned them.
 */
public final class DataPreparation {

    /**
     * What was written.
     *
     * @param rows rows per split name (train, valid, test)
     * @param users distinct users
     * @param items distinct items (of the interactions and the item features)
     * @param contexts distinct contexts
     * @param files the files written
     */
    public record Summary(Map<String, Long> rows, long users, long items, long contexts, List<Path> files) {
    }

    private static final String U = "_u";
    private static final String I = "_i";
    private static final String C = "_c";
    private static final String T = "_t";
    private static final String T_TEXT = "_t_text";
    private static final String S = "_split";

    private final SparkSession spark;

    public DataPreparation(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Reads, checks, numbers, splits and writes.
     *
     * @throws DataFormatException naming the file, row and field of the first bad row, or a column that is missing
     */
    public Summary run(PrepareSpec spec) {
        // kept after the split: ids, checks and every file read it
        Dataset<Row> rows = split(spec, interactions(spec)).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            return write(spec, rows);
        } finally {
            rows.unpersist();
        }
    }

    /** The checked interactions as (user, item, context, time, time text, given split) columns. */
    private Dataset<Row> interactions(PrepareSpec spec) {
        List<String> required = new ArrayList<>(List.of(spec.user(), spec.item(), spec.context()));
        if (spec.time() != null) {
            required.add(spec.time());
        }
        if (spec.split().method() == Split.Method.GIVEN) {
            required.add(spec.split().column());
        }
        Dataset<Row> table = InteractionTable.read(spark, spec.input(), spec.format(), required);
        List<InteractionTable.Check> checks = new ArrayList<>(List.of(InteractionTable.token(spec.user()),
                InteractionTable.token(spec.item()), InteractionTable.token(spec.context())));
        if (spec.time() != null) {
            checks.add(new InteractionTable.Check(col(spec.time()).isNull().or(col(spec.time()).try_cast("double").isNull()),
                    "timestamp column '" + spec.time() + "' is empty or not a number"));
        }
        if (spec.split().method() == Split.Method.GIVEN) {
            Column s = col(spec.split().column()).cast("string");
            checks.add(new InteractionTable.Check(s.isNull().or(s.isin(Split.NAMES.toArray()).unary_$bang()),
                    "split column '" + spec.split().column() + "' holds neither of " + Split.NAMES));
        }
        InteractionTable.check(table, spec.input(), checks);
        Column time = spec.time() == null ? lit(0.0) : col(spec.time()).cast("double");
        Column timeText = spec.time() == null ? lit("") : col(spec.time()).cast("string");
        Column given = spec.split().method() == Split.Method.GIVEN ? col(spec.split().column()).cast("string")
                : lit(null).cast("string");
        return table.select(col(spec.user()).cast("string").as(U), col(spec.item()).cast("string").as(I),
                col(spec.context()).cast("string").as(C), time.as(T), timeText.as(T_TEXT), given.as(S));
    }

    /** The rows with their split name in column {@link #S}. */
    private static Dataset<Row> split(PrepareSpec spec, Dataset<Row> rows) {
        return switch (spec.split().method()) {
            case GIVEN -> rows;
            case RANDOM -> {
                Column bucket = pmod(xxhash64(lit(spec.split().seed()), col(U), col(I), col(C), col(T_TEXT)), lit(1000));
                yield rows.withColumn(S, when(bucket.lt(800), "train").when(bucket.lt(900), "valid").otherwise("test"));
            }
            case LEAVE_LAST_OUT -> {
                WindowSpec latestFirst = Window.partitionBy(U).orderBy(col(T).desc(), col(I).desc(), col(C).desc());
                Column rank = row_number().over(latestFirst);
                Column n = count(lit(1)).over(Window.partitionBy(U));
                yield rows.withColumn(S, when(n.lt(3), "train").when(rank.equalTo(1), "test")
                        .when(rank.equalTo(2), "valid").otherwise("train"));
            }
        };
    }

    private Summary write(PrepareSpec spec, Dataset<Row> rows) {
        Path out = spec.out();
        try {
            Files.createDirectories(out.resolve("ids"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
        }
        Dataset<Row> features = spec.items() == null ? null : itemFeatures(spec);
        Dataset<Row> users = DenseIds.of(spark, rows.select(U)).cache();
        Dataset<Row> itemTokens = features == null ? rows.select(I) : rows.select(I).union(features.select(I));
        Dataset<Row> items = DenseIds.of(spark, itemTokens).cache();
        Dataset<Row> contexts = DenseIds.of(spark, rows.select(C)).cache();
        List<String> unseenContexts = contexts.select(DenseIds.TOKEN)
                .except(rows.filter(col(S).equalTo("train")).select(C)).limit(5).as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        if (!unseenContexts.isEmpty()) {
            throw new DataFormatException(spec.input() + ": context values that occur in no training row, e.g. "
                    + unseenContexts + "; the trainer learns contexts from the training split only (nothing was written)");
        }
        List<Path> files = new ArrayList<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        Dataset<Row> numbered = rows.join(users.withColumnRenamed(DenseIds.TOKEN, U).withColumnRenamed(DenseIds.ID, "_uid"), U)
                .join(items.withColumnRenamed(DenseIds.TOKEN, I).withColumnRenamed(DenseIds.ID, "_iid"), I).cache();
        List<String> header = new ArrayList<>(List.of("user_id:token", "item_id:token", spec.context() + ":token"));
        List<Column> columns = new ArrayList<>(List.of(col(U), col(I), col(C)));
        if (spec.time() != null) {
            header.add("timestamp:float");
            columns.add(col(T_TEXT));
        }
        for (String split : Split.NAMES) {
            Dataset<Row> part = numbered.filter(col(S).equalTo(split));
            counts.put(split, part.count());
            Path file = out.resolve(spec.name() + "." + split + ".inter");
            AtomicSetWriter.write(part.orderBy(col("_uid"), col(T), col("_iid"), col(C)).select(columns.toArray(Column[]::new)),
                    header, file);
            files.add(file);
        }
        Path userFile = out.resolve(spec.name() + ".user");
        if (spec.userGroups() == null) {
            AtomicSetWriter.write(users.orderBy(DenseIds.ID).select(DenseIds.TOKEN), List.of("user_id:token"), userFile);
        } else {
            Dataset<Row> groups = UserHistograms.groups(spark, numbered.filter(col(S).equalTo("train")), U, I, features,
                    users, spec.userGroups(), spec.items());
            AtomicSetWriter.write(groups.join(users, DenseIds.TOKEN).orderBy(DenseIds.ID).select(DenseIds.TOKEN, "group"),
                    List.of("user_id:token", "group:token"), userFile);
        }
        files.add(userFile);
        files.add(writeItems(spec, items, features));
        files.add(writeIds(users, out.resolve("ids").resolve("user_id.tsv")));
        files.add(writeIds(items, out.resolve("ids").resolve("item_id.tsv")));
        files.add(writeIds(contexts, out.resolve("ids").resolve(spec.context() + ".tsv")));
        Summary summary = new Summary(counts, users.count(), items.count(), contexts.count(), files);
        numbered.unpersist();
        users.unpersist();
        items.unpersist();
        contexts.unpersist();
        return summary;
    }

    private static Path writeIds(Dataset<Row> ids, Path file) {
        AtomicSetWriter.write(ids.orderBy(DenseIds.ID).select(col(DenseIds.TOKEN), col(DenseIds.ID).cast("string")),
                List.of("token", "id"), file);
        return file;
    }

    /**
     * The item features keyed by the item token in column {@link #I}, each other column rendered as
     * an atomic field: numeric arrays as {@code float_seq}, numbers as {@code float}, text as {@code token}.
     */
    private Dataset<Row> itemFeatures(PrepareSpec spec) {
        String format = PrepareSpec.formatOf(spec.items());
        Dataset<Row> table = InteractionTable.read(spark, spec.items(), format, List.of(spec.itemKey()));
        List<InteractionTable.Check> checks = new ArrayList<>(List.of(InteractionTable.token(spec.itemKey())));
        List<Column> columns = new ArrayList<>(List.of(col(spec.itemKey()).cast("string").as(I)));
        for (StructField f : table.schema().fields()) {
            if (f.name().equals(spec.itemKey()) || f.name().startsWith("_hdbn_") || f.name().equals("_metadata")) {
                continue;
            }
            checks.add(new InteractionTable.Check(col(f.name()).isNull(), "feature column '" + f.name() + "' is empty"));
            if (f.dataType() instanceof ArrayType) {
                columns.add(array_join(col(f.name()).cast("array<string>"), " ").as(f.name() + ":float_seq"));
            } else if (f.dataType() instanceof NumericType) {
                columns.add(col(f.name()).cast("string").as(f.name() + ":float"));
            } else {
                checks.add(InteractionTable.token(f.name()));
                columns.add(col(f.name()).cast("string").as(f.name() + ":token"));
            }
        }
        InteractionTable.check(table, spec.items(), checks);
        Dataset<Row> features = table.select(columns.toArray(Column[]::new)).cache();
        List<Row> twice = features.groupBy(I).count().filter(col("count").gt(1)).limit(1).collectAsList();
        if (!twice.isEmpty()) {
            throw new DataFormatException(spec.items() + ": item '" + twice.get(0).getString(0) + "' has "
                    + twice.get(0).getLong(1) + " rows; each item needs one (nothing was written)");
        }
        return features;
    }

    private Path writeItems(PrepareSpec spec, Dataset<Row> items, Dataset<Row> features) {
        Path file = spec.out().resolve(spec.name() + ".item");
        Dataset<Row> ordered = items.orderBy(DenseIds.ID).withColumnRenamed(DenseIds.TOKEN, I);
        if (features == null) {
            AtomicSetWriter.write(ordered.select(I), List.of("item_id:token"), file);
            return file;
        }
        Dataset<Row> joined = ordered.join(features, ordered.col(I).equalTo(features.col(I)), "left")
                .select(ordered.col(I), ordered.col(DenseIds.ID), features.col("*")).drop(features.col(I));
        List<String> fields = new ArrayList<>(List.of("item_id:token"));
        List<Column> columns = new ArrayList<>(List.of(col(I)));
        for (String c : features.columns()) {
            if (!c.equals(I)) {
                fields.add(c);
                columns.add(col("`" + c + "`"));
            }
        }
        List<Row> missing = joined.filter(col("`" + fields.get(1) + "`").isNull()).select(I).limit(5).collectAsList();
        if (fields.size() > 1 && !missing.isEmpty()) {
            throw new DataFormatException(spec.items() + ": no row for items of the interactions, e.g. "
                    + missing.stream().map(r -> r.getString(0)).toList() + " (nothing was written)");
        }
        AtomicSetWriter.write(joined.orderBy(DenseIds.ID).select(columns.toArray(Column[]::new)), fields, file);
        return file;
    }
}
