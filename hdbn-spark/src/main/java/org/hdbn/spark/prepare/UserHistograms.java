package org.hdbn.spark.prepare;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hdbn.io.DataFormatException;
import org.hdbn.smile.KMeansGate;
import org.hdbn.spark.SparkGateAssignment;
import scala.Tuple2;

/**
 * Each user's normalised histogram over an item category of their training items (the
 * {@code user_C_histogram} entity features of the run layer), computed on the executors, and the
 * {@link UserGroups} fitted and assigned on them. A user without training rows has the zero vector,
 * which a gate sends to its fallback group.
 */
final class UserHistograms {

    private UserHistograms() {
    }

    /**
     * The group of every user, as columns (user token, group token).
     *
     * @param train training rows with columns {@code userColumn}, {@code itemColumn}
     * @param features item features with {@code itemColumn} and the category as {@code CATEGORY:token}
     * @param users the user ids (token, id)
     */
    static Dataset<Row> groups(SparkSession spark, Dataset<Row> train, String userColumn, String itemColumn,
            Dataset<Row> features, Dataset<Row> users, UserGroups spec, String itemsPath) {
        String field = spec.category() + ":token";
        if (features == null || !Arrays.asList(features.columns()).contains(field)) {
            List<String> tokens = features == null ? List.of() : Arrays.stream(features.columns())
                    .filter(c -> c.endsWith(":token")).map(c -> c.substring(0, c.length() - ":token".length())).toList();
            throw new DataFormatException("user groups need the item category '" + spec.category() + "' as a text column of "
                    + (itemsPath == null ? "the item features (--items)" : itemsPath) + "; text columns: " + tokens);
        }
        Dataset<Row> categories = DenseIds.of(spark, features.select(col("`" + field + "`")));
        int width = Math.toIntExact(categories.count());
        Dataset<Row> itemCategory = features.select(col(itemColumn), col("`" + field + "`").as("_cat"))
                .join(categories.withColumnRenamed(DenseIds.TOKEN, "_cat").withColumnRenamed(DenseIds.ID, "_cid"), "_cat");
        Dataset<Row> pairs = train.select(userColumn, itemColumn).join(itemCategory, itemColumn)
                .join(users.withColumnRenamed(DenseIds.TOKEN, userColumn).withColumnRenamed(DenseIds.ID, "_uid"), userColumn)
                .select("_uid", "_cid");
        JavaPairRDD<Integer, double[]> counts = pairs.javaRDD()
                .mapToPair(r -> new Tuple2<>(r.getInt(0), r.getInt(1)))
                .aggregateByKey(new double[width], (h, c) -> {
                    h[c]++;
                    return h;
                }, (a, b) -> {
                    for (int j = 0; j < a.length; j++) {
                        a[j] += b[j];
                    }
                    return a;
                });
        JavaPairRDD<Integer, Integer> all = users.javaRDD().mapToPair(r -> new Tuple2<>(r.getInt(1), 0));
        StructType schema = new StructType().add("entity", DataTypes.LongType, false)
                .add("features", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
        Dataset<Row> histograms = spark.createDataFrame(all.leftOuterJoin(counts).map(t -> {
            double[] h = t._2()._2().orElse(new double[width]);
            double sum = Arrays.stream(h).sum();
            double[] normalised = sum == 0 ? h : Arrays.stream(h).map(x -> x / sum).toArray();
            return RowFactory.create((long) t._1(), normalised);
        }), schema);
        SparkGateAssignment.Fitted fitted = SparkGateAssignment.fit(spark, histograms,
                new KMeansGate(spec.k(), spec.seed()), spec.maxSample(), spec.seed());
        return fitted.groups().join(users, fitted.groups().col("entity").equalTo(users.col(DenseIds.ID)))
                .select(col(DenseIds.TOKEN), col("group").cast("string").as("group"));
    }
}
