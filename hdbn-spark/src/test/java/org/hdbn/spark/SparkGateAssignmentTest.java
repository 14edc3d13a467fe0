package org.hdbn.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hdbn.smile.KMeansGate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** k-means fitted on a sample on the driver, groups assigned on the executors: planted blobs are recovered. */
@ExtendWith(SharedSpark.class)
class SparkGateAssignmentTest {

    @Test
    void plantedBlobsGetOneGroupEachFromASampleFit(SparkSession spark) {
        SplittableRandom random = new SplittableRandom(4);
        double[][] centres = {{4, 0, 0, 0}, {0, 4, 0, 0}, {0, 0, 4, 4}};
        List<Row> rows = new ArrayList<>();
        Map<Long, Integer> blob = new HashMap<>();
        for (long e = 0; e < 3000; e++) {
            int b = random.nextInt(3);
            double[] x = new double[4];
            for (int j = 0; j < 4; j++) {
                x[j] = centres[b][j] + 0.3 * random.nextGaussian();
            }
            blob.put(e, b);
            rows.add(RowFactory.create(e, x));
        }
        StructType schema = new StructType().add("entity", DataTypes.LongType, false)
                .add("features", DataTypes.createArrayType(DataTypes.DoubleType, false), false);
        Dataset<Row> features = spark.createDataFrame(rows, schema).repartition(4);
        SparkGateAssignment.Fitted fitted = SparkGateAssignment.fit(spark, features, new KMeansGate(3, 9), 400, 7);
        assertThat(fitted.sampled()).isBetween(300L, 500L);
        Map<Integer, Set<Integer>> groupsOfBlob = new HashMap<>();
        for (Row r : fitted.groups().collectAsList()) {
            groupsOfBlob.computeIfAbsent(blob.get(r.getLong(0)), b -> new HashSet<>()).add(r.getInt(1));
        }
        assertThat(groupsOfBlob).hasSize(3);
        Set<Integer> all = new HashSet<>();
        for (Set<Integer> g : groupsOfBlob.values()) {
            assertThat(g).hasSize(1);
            all.addAll(g);
        }
        assertThat(all).hasSize(3);
        // the executors' groups are the driver's gate's groups
        Row some = fitted.groups().orderBy("entity").first();
        assertThat(some.getInt(1)).isEqualTo(fitted.gate().groupForFeatures(rows.get(0).<double[]>getAs(1)));
        // the same seed samples and fits the same gate
        assertThat(SparkGateAssignment.fit(spark, features, new KMeansGate(3, 9), 400, 7).gate()).isEqualTo(fitted.gate());
    }
}
