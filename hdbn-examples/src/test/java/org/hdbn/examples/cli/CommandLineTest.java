package org.hdbn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hdbn.eval.Recommendations;
import org.hdbn.eval.RecommendationsCsv;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on generated data: generate, train, evaluate, recommend, and refusals. */
class CommandLineTest {

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = HdbnCommand.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir
    static Path dir;

    static Path data;
    static Path model;

    @BeforeAll
    static void trainOnce() {
        data = dir.resolve("data");
        model = dir.resolve("model");
        Run g = run("generate", "--format", "emomusic", "--out", data.toString(), "--users", "300", "--songs", "120",
                "--seed", "3");
        assertThat(g.code()).as(g.err()).isZero();
        Run t = run("train", "--data", data.toString(), "--model", model.toString(), "--spec", "bprmf", "--epochs", "3");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("epoch 3/3").contains("HR@10");
    }

    @Test
    void evaluateWritesAnExportWithOneTop20ListPerTriple() throws Exception {
        Path recs = dir.resolve("recs.csv");
        Path json = dir.resolve("metrics.json");
        Run e = run("evaluate", "--model", model.toString(), "--recommendations", recs.toString(), "--json", json.toString());
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).contains("paper").contains("strict").contains("full").contains("NDCG@20").contains("MRR@20");
        Recommendations r = RecommendationsCsv.read(recs, EvaluateCommand.EXPORT_HEADER);
        List<String> lines = Files.readAllLines(data.resolve("UI5_index_validation.csv"));
        assertThat(r.triples().size()).isEqualTo(lines.size() - 1);
        for (int[] list : r.lists()) {
            assertThat(list).hasSize(20).doesNotHaveDuplicates();
        }
        for (int[] list : r.fullLists()) {
            assertThat(list).hasSize(20).doesNotHaveDuplicates();
        }
        assertThat(Files.readString(json)).contains("\"strict\"").contains("\"full\"").contains("HR@10")
                .contains("\"emotionGain\"").contains("\"sensitivity\"");
        assertThat(e.out()).contains("emotion gain").contains("top-10 overlap");
    }

    @Test
    void evaluateOnSparkPrintsExactlyTheSingleProcessMetrics() {
        Run here = run("evaluate", "--model", model.toString(), "--no-diagnostics");
        Run spark = run("evaluate", "--model", model.toString(), "--no-diagnostics", "--spark", "local[2]");
        assertThat(spark.code()).as(spark.err()).isZero();
        assertThat(spark.out()).contains("on Spark local[2]");
        String table = here.out().substring(here.out().indexOf("metric"));
        assertThat(spark.out().substring(spark.out().indexOf("metric"))).isEqualTo(table);
    }

    @Test
    void recommendAllWritesParquetOnSpark() throws Exception {
        Path out = dir.resolve("all.parquet");
        Run r = run("recommend-all", "--model", model.toString(), "--spark", "local[2]", "--out", out.toString(), "-k", "5");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote the top 5 of");
        assertThat(out.resolve("_SUCCESS")).exists();
        List<Path> parts;
        try (var files = Files.list(out)) {
            parts = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).toList();
        }
        assertThat(parts).isNotEmpty();
        // this module does not compile against Spark (hdbn-spark is a runtime dependency), so the
        // values are checked in SparkRecommenderTest; here the schema in the Parquet footer (plain
        // bytes, uncompressed) shows that the command asked for the id columns
        String bytes = new String(Files.readAllBytes(parts.get(0)), StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("user_id").contains("context_id").contains("item_ids").contains("items");
    }

    @Test
    void aTrainedModelServesWithItsDataFolderGoneButRefusesOtherData() throws Exception {
        Path away = dir.resolve("away");
        Path moved = dir.resolve("data-moved-away");
        Run g = run("generate", "--out", away.toString(), "--users", "200", "--songs", "90", "--seed", "4");
        assertThat(g.code()).as(g.err()).isZero();
        Path m = dir.resolve("model-of-away");
        assertThat(run("train", "--data", away.toString(), "--model", m.toString(), "--spec", "bprmf", "--epochs", "1")
                .code()).isZero();
        Run withData = run("evaluate", "--model", m.toString(), "--no-diagnostics");
        Files.move(away, moved);
        Run without = run("evaluate", "--model", m.toString(), "--no-diagnostics");
        assertThat(without.code()).as(without.err()).isZero();
        assertThat(without.out().substring(without.out().indexOf("metric")))
                .isEqualTo(withData.out().substring(withData.out().indexOf("metric")));
        Run onFile = run("evaluate", "--model", m.toString(), "--no-diagnostics", "--eval",
                moved.resolve("away.valid.inter").toString());
        assertThat(onFile.code()).as(onFile.err()).isZero();
        assertThat(onFile.out()).contains("HR@10");
        Run rec = run("recommend", "--model", m.toString(), "--user", "7", "--emotion", "0", "-k", "2");
        assertThat(rec.code()).as(rec.err()).isZero();
        assertThat(rec.out()).contains("top 2 songs for user 7");
        Run other = run("evaluate", "--model", m.toString(), "--data", data.toString(), "--no-diagnostics");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("was trained on data set 'away'").contains("not on " + data);
    }

    @Test
    void recommendPrintsSongsForANamedTagAndRefusesAnUnknownOne() throws Exception {
        String tag = Files.readString(data.resolve("emotion_map.json")).split("\"")[3];
        Run r = run("recommend", "--model", model.toString(), "--user", "4", "--emotion", tag, "-k", "3");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("top 3 songs for user 4").contains(" 3. ");
        Run bad = run("recommend", "--model", model.toString(), "--user", "4", "--emotion", "no-such-feeling");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown emotion tag 'no-such-feeling'").doesNotContain("Exception");
        Run badUser = run("recommend", "--model", model.toString(), "--user", "100000", "--emotion", tag);
        assertThat(badUser.err()).contains("unknown user '100000'");
        Run neither = run("recommend", "--model", model.toString(), "--user", "4");
        assertThat(neither.err()).contains("give either --emotion TAG or --compare-emotions");
    }

    @Test
    void recommendWithZeroSamplesListsWhatEvaluateRanksAtThePosteriorMeans() throws Exception {
        Path recs = dir.resolve("recs-for-recommend.csv");
        assertThat(run("evaluate", "--model", model.toString(), "--recommendations", recs.toString(),
                "--no-diagnostics").code()).isZero();
        Recommendations r = RecommendationsCsv.read(recs, EvaluateCommand.EXPORT_HEADER);
        // a triple whose target the user did not play: its paper list is exactly the user's candidates' top
        java.util.Set<String> played = new java.util.HashSet<>();
        List<String> train = Files.readAllLines(data.resolve("UI_indexes_train.csv"));
        for (String line : train.subList(1, train.size())) {
            String[] f = line.split(",");
            played.add(f[0] + "," + f[1]);
        }
        int row = 0;
        while (played.contains(r.triples().users()[row] + "," + r.triples().items()[row])) {
            row++;
        }
        int user = r.triples().users()[row];
        int tag = r.triples().contexts()[row];
        Run one = run("recommend", "--model", model.toString(), "--user", "" + user, "--emotion", "" + tag,
                "--samples", "0", "-k", "5");
        assertThat(one.code()).as(one.err()).isZero();
        assertThat(one.out()).contains("(posterior means)");
        for (int i = 0; i < 5; i++) {
            assertThat(one.out()).containsPattern("(?m)^\\s*" + (i + 1) + "\\. .*song " + r.lists()[row][i] + "$");
        }
        Run all = run("recommend", "--model", model.toString(), "--user", "" + user, "--emotion", "" + tag,
                "--samples", "0", "-k", "5", "--all-songs");
        for (int i = 0; i < 5; i++) {
            assertThat(all.out()).containsPattern("(?m)^\\s*" + (i + 1) + "\\. .*song " + r.fullLists()[row][i] + "$");
        }
    }

    @Test
    void recommendComparesEmotionsSideBySide() throws Exception {
        String[] parts = Files.readString(data.resolve("emotion_map.json")).split("\"");
        Run c = run("recommend", "--model", model.toString(), "--user", "4", "--compare-emotions",
                parts[3] + "," + parts[7] + "," + parts[11], "-k", "3", "--samples", "0");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("top 3 songs for user 4 by emotion").contains(parts[7]).contains(" 3. ")
                .containsPattern("overlap with '" + parts[3] + "': " + parts[7] + " [0-3]/3 " + parts[11] + " [0-3]/3");
    }

    @Test
    void aModelIsRefusedOnOtherData() {
        Path other = dir.resolve("other");
        assertThat(run("generate", "--format", "emomusic", "--out", other.toString(), "--users", "300", "--songs", "120", "--seed", "4").code())
                .isZero();
        Run e = run("evaluate", "--model", model.toString(), "--data", other.toString());
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("was trained on data set 'data'").contains("fingerprint");
    }

    @Test
    void aSpecWithAnUnknownTypeIsRefusedWithTheFileAndLine() throws Exception {
        Path spec = dir.resolve("bad-spec.json");
        Files.writeString(spec, """
                {"formatVersion": 1, "name": "bad",
                 "training": {"batchSize": 8, "negatives": 1, "learningRate": 0.1, "decayRate": 1, "decaySteps": 1,
                              "stages": [{"epochs": 1}]},
                 "graph": {"formatVersion": 1, "inputs": {"user": "index"},
                           "nodes": {"query": {"type": "embeding", "input": "user", "rows": "users", "dim": 2}}}}
                """);
        Run t = run("train", "--data", data.toString(), "--model", dir.resolve("m2").toString(), "--spec", spec.toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("bad-spec.json line 5").contains("unknown NodeSpec type 'embeding'")
                .contains("embedding");
    }

    @Test
    void benchReportsEveryFigureItPromises() {
        // what it prints, not how fast: no timings are asserted
        Run b = run("bench", "--data", data.toString(), "--spec", "bprmf", "--epochs", "1", "--eval-runs", "1",
                "--threads", "2");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("products: the tape multiplies with ").contains("reference BLAS netlib-")
                .contains("1024 x 1024 x 1024 on 2 threads").contains("hdbn Gemm")
                .contains("training step: ").contains("matrix products of").contains("limit (shards running at once: 2)")
                .contains("epoch 1: ").contains("examples/s").contains("of the reference on the step's shapes")
                .contains("products inside the step (").contains("of the reference's one-thread rate")
                .contains("peak heap while training: ").contains("evaluation 1: ").contains("summary: ")
                .contains("load average now").contains("in float (tape-f32): softplus ");
        // the products are counted and timed on the engine benched, in its precision
        Run shards = run("bench", "--data", data.toString(), "--spec", "bprmf", "--epochs", "1", "--eval-runs", "0",
                "--threads", "1", "--shards", "3", "--engine", "tape-f32");
        assertThat(shards.code()).as(shards.err()).isZero();
        assertThat(shards.out()).contains("3 shards").contains("limit (shards running at once: 1)")
                .contains("engine tape-f32 (parameters in float), 1 threads").contains("products inside the step (engine tape-f32, ");
        // thread counts compared in one process: every epoch on each, the speed-up, the same parameters
        Run scaling = run("bench", "--data", data.toString(), "--spec", "bprmf", "--epochs", "3", "--threads", "1,2");
        assertThat(scaling.code()).as(scaling.err()).isZero();
        assertThat(scaling.out()).contains("thread counts [1, 2] on bench 'bprmf', engine tape, 3 epochs")
                .contains("epoch 1: 1 thread ").contains("epoch 3: 1 thread ").contains("2 threads ")
                .contains("peak heap while training: ").contains("(2 models; ")
                .containsPattern("summary: 2 threads [0-9.]+x faster than 1 \\(epoch by epoch, median of epochs 2-3;")
                .contains("parameters after the last epoch: the same bits on every thread count");
        Run twice = run("bench", "--data", data.toString(), "--threads", "2,2");
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("--threads lists a count twice: [2, 2]");
        Run twoEngines = run("bench", "--data", data.toString(), "--threads", "1,2", "--engine", "tape,tape-f32");
        assertThat(twoEngines.code()).isEqualTo(2);
        assertThat(twoEngines.err()).contains("compared on one engine").contains("--engine tape,tape-f32");
        Run bad = run("bench", "--data", data.toString(), "--threads", "0");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--threads must be at least 1");
        Run badShards = run("bench", "--data", data.toString(), "--shards", "0");
        assertThat(badShards.code()).isEqualTo(2);
        assertThat(badShards.err()).contains("--shards must be at least 1");
    }

    @Test
    void missingDataFolderIsNamed() {
        Run t = run("train", "--data", dir.resolve("nowhere").toString(), "--model", dir.resolve("m3").toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("nowhere");
    }
}
