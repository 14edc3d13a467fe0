package org.hdbn.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.xxhash64;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hdbn.gate.Gate;
import org.hdbn.gate.GateFitter;
import org.hdbn.graph.SpecMapper;

/**
 * Gates at scale: a gate (such as hdbn-smile's k-means) is fitted on the driver on the feature
 * vectors of a seeded sample of the entities when they are more than the driver should hold, and
 * every entity is then assigned on the executors with {@link Gate#groupForFeatures}, the gate
 * broadcast in its saved JSON form (the form a model saves it in). The sample is the entities
 * whose hash of (seed, entity) falls below the sampled share, so it does not depend on
 * partitioning, and it is sorted by entity before the fit.
 */
public final class SparkGateAssignment {

    /**
     * A fitted gate and every entity's group.
     *
     * @param gate the gate, fitted on the sample
     * @param sampled how many entities the gate was fitted on
     * @param groups columns {@code entity} (as given) and {@code group} (int)
     */
    public record Fitted(Gate gate, long sampled, Dataset<Row> groups) {
    }

    private static final long BUCKETS = 1_000_000;

    private SparkGateAssignment() {
    }

    /**
     * Fits {@code fitter} on at most about {@code maxSample} entities' features and assigns all.
     *
     * @param features one row per entity: column {@code entity} (int or long) and column
     *     {@code features} (an array of doubles, all of one length)
     */
    public static Fitted fit(SparkSession spark, Dataset<Row> features, GateFitter fitter, long maxSample, long seed) {
        long count = features.count();
        if (count == 0) {
            throw new IllegalArgumentException("no entities to fit a gate on");
        }
        long threshold = Math.min(BUCKETS, (long) Math.ceil((double) maxSample / count * BUCKETS));
        Dataset<Row> sample = features.filter(pmod(xxhash64(lit(seed), col("entity")), lit(BUCKETS)).lt(threshold))
                .orderBy("entity");
        List<Row> rows = sample.select("features").collectAsList();
        double[][] points = new double[rows.size()][];
        for (int i = 0; i < points.length; i++) {
            points[i] = rows.get(i).<Double>getList(0).stream().mapToDouble(Double::doubleValue).toArray();
        }
        Gate gate = fitter.fit(points);
        String json;
        try {
            json = new SpecMapper().objectMapper().writeValueAsString(gate);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the fitted gate as JSON: " + e.getMessage(), e);
        }
        Broadcast<String> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(json);
        StructType schema = new StructType().add("entity", features.schema().apply("entity").dataType(), false)
                .add("group", DataTypes.IntegerType, false);
        Dataset<Row> groups = features.select("entity", "features")
                .mapPartitions((org.apache.spark.api.java.function.MapPartitionsFunction<Row, Row>) part ->
                        assign(shared.value(), part), ExpressionEncoder.apply(schema));
        return new Fitted(gate, points.length, groups);
    }

    /** The group of each row, the gate read once per partition. */
    private static Iterator<Row> assign(String gateJson, Iterator<Row> rows) throws JsonProcessingException {
        Gate gate = new SpecMapper().objectMapper().readValue(gateJson, Gate.class);
        List<Row> out = new ArrayList<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            double[] x = r.<Double>getList(1).stream().mapToDouble(Double::doubleValue).toArray();
            out.add(RowFactory.create(r.get(0), gate.groupForFeatures(x)));
        }
        return out.iterator();
    }
}
