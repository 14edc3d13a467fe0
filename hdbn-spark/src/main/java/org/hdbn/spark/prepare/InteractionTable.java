package org.hdbn.spark.prepare;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.hdbn.io.DataFormatException;
import org.hdbn.text.NearestNames;

/**
 * Reads a Parquet or CSV table and checks it row by row before anything is written: every row is
 * kept or the whole preparation fails, naming the file, the row (Parquet: its index in the file;
 * CSV: the record as read) and the field. Id columns become strings, so a data set's tokens are
 * the same whether its ids are numbers or text.
 */
final class InteractionTable {

    /** The column holding a CSV line that does not have the header's number of fields. */
    static final String CORRUPT = "_hdbn_malformed";
    static final String FILE = "_hdbn_file";
    static final String ROW = "_hdbn_row";
    private static final String PROBLEM = "_hdbn_problem";

    private InteractionTable() {
    }

    /**
     * The table at {@code path} with its file and row columns ({@link #FILE}, {@link #ROW}; the row
     * is null for CSV), checked to have every column in {@code required}.
     */
    static Dataset<Row> read(SparkSession spark, String path, String format, List<String> required) {
        Dataset<Row> table;
        if (format.equals("csv")) {
            StructType header = spark.read().option("header", "true").csv(path).schema();
            StructType schema = new StructType(Arrays.stream(header.fields())
                    .map(f -> new StructField(f.name(), DataTypes.StringType, true, f.metadata()))
                    .toArray(StructField[]::new)).add(CORRUPT, DataTypes.StringType, true);
            table = spark.read().option("header", "true").option("mode", "PERMISSIVE")
                    .option("columnNameOfCorruptRecord", CORRUPT).schema(schema).csv(path)
                    .withColumn(FILE, col("_metadata.file_path")).withColumn(ROW, lit(null).cast("long"));
        } else {
            table = spark.read().parquet(path).withColumn(CORRUPT, lit(null).cast("string"))
                    .withColumn(FILE, col("_metadata.file_path")).withColumn(ROW, col("_metadata.row_index"));
        }
        List<String> columns = Arrays.asList(table.columns());
        for (String c : required) {
            if (!columns.contains(c)) {
                List<String> real = columns.stream().filter(n -> !n.startsWith("_hdbn_")).toList();
                throw new DataFormatException(path + ": no column '" + c + "'" + NearestNames.didYouMean(c, real)
                        + "; columns: " + real);
            }
        }
        return table;
    }

    /** A check: the rows where {@code bad} holds have the problem {@code message} describes. */
    record Check(Column bad, String message) {
    }

    /** A token column must be present, non-empty and free of tabs and line breaks (the atomic format's separators). */
    static Check token(String column) {
        Column c = col(column).cast("string");
        return new Check(c.isNull().or(c.equalTo("")).or(c.rlike("[\\t\\n\\r]")),
                "column '" + column + "' is empty or holds a tab or line break");
    }

    /**
     * Fails with the first bad row's file, row and problem, and how many rows are bad, if any row
     * fails any check (malformed CSV lines first); returns otherwise.
     */
    static void check(Dataset<Row> table, String path, List<Check> checks) {
        List<Check> all = new ArrayList<>();
        all.add(new Check(col(CORRUPT).isNotNull(), "the line does not have the header's number of fields"));
        all.addAll(checks);
        Column problem = lit(null).cast("string");
        for (int i = all.size() - 1; i >= 0; i--) {
            problem = when(all.get(i).bad(), lit(all.get(i).message())).otherwise(problem);
        }
        Dataset<Row> bad = table.withColumn(PROBLEM, problem).filter(col(PROBLEM).isNotNull());
        List<Row> first = bad.limit(1).collectAsList();
        if (first.isEmpty()) {
            return;
        }
        Row row = first.get(0);
        long count = bad.count();
        String where = row.isNullAt(row.fieldIndex(ROW)) ? "record " + describe(row)
                : "row " + row.getLong(row.fieldIndex(ROW)) + " (" + describe(row) + ")";
        throw new DataFormatException(row.getString(row.fieldIndex(FILE)) + ": " + where + ": "
                + row.getString(row.fieldIndex(PROBLEM)) + (count > 1 ? " (" + count + " bad rows in " + path
                        + "; nothing was written)" : " (nothing was written)"));
    }

    /** The row's own values (or the malformed line), for an error message. */
    private static String describe(Row row) {
        if (!row.isNullAt(row.fieldIndex(CORRUPT))) {
            return "'" + row.getString(row.fieldIndex(CORRUPT)) + "'";
        }
        StringBuilder s = new StringBuilder();
        for (StructField f : row.schema().fields()) {
            if (f.name().startsWith("_hdbn_")) {
                continue;
            }
            s.append(s.length() == 0 ? "" : ", ").append(f.name()).append('=');
            Object v = row.get(row.fieldIndex(f.name()));
            s.append(v == null ? "null" : "'" + v + "'");
        }
        return s.toString();
    }
}
