package org.hdbn.spark.prepare;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * Dense ids {@code 0..n-1} for the distinct tokens of a column, by the rule the atomic-file reader
 * numbers tokens with: ascending, numerically when every token is a plain non-negative integer
 * (no sign, no leading zero, at most 18 digits), otherwise in string order. Sorting first makes
 * the ids depend on the set of tokens only, never on partitioning or row order; the index is then
 * taken along the sorted partitions. (Spark orders strings by UTF-8 bytes, Java by UTF-16 units:
 * the two differ only between supplementary characters and U+E000..U+FFFF.)
 */
final class DenseIds {

    static final String TOKEN = "token";
    static final String ID = "id";
    private static final String PLAIN_INTEGER = "^(0|[1-9][0-9]{0,17})$";

    private DenseIds() {
    }

    /** A table of (token, id) for the distinct values of {@code tokens}' only column, ids in sorted order. */
    static Dataset<Row> of(SparkSession spark, Dataset<Row> tokens) {
        Dataset<Row> distinct = tokens.toDF(TOKEN).distinct();
        boolean numeric = distinct.filter(col(TOKEN).rlike(PLAIN_INTEGER).unary_$bang()).isEmpty();
        Dataset<Row> sorted = distinct.orderBy(numeric ? col(TOKEN).cast("long") : col(TOKEN));
        StructType schema = new StructType().add(TOKEN, DataTypes.StringType, false).add(ID, DataTypes.IntegerType, false);
        return spark.createDataFrame(sorted.javaRDD().zipWithIndex().map(DenseIds::row), schema);
    }

    private static Row row(Tuple2<Row, Long> t) {
        return RowFactory.create(t._1().getString(0), Math.toIntExact(t._2()));
    }
}
