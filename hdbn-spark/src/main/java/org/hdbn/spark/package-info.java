/**
 * Scale-out on Apache Spark: {@link org.hdbn.spark.SparkSessions} opens an embedded or remote session
 * with the settings hdbn needs; data preparation turns interaction tables into the atomic-file data
 * set the trainer reads; distributed ranking scores and ranks evaluation triples on the executors
 * with {@link org.hdbn.eval.TopKRanker}, giving the metrics of the single-process evaluator.
 */
package org.hdbn.spark;
