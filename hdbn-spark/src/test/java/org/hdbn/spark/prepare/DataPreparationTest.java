package org.hdbn.spark.prepare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.hdbn.io.DataFormatException;
import org.hdbn.spark.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Preparation on generated tables: ids, splits, item features and the errors on bad rows. */
@ExtendWith(SharedSpark.class)
class DataPreparationTest {

    /** Generated interactions: user "uN", item "sN", mood "mN", a timestamp unique per row. */
    private static List<String[]> generate(long seed, int users, int rows) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            out.add(new String[] {"u" + random.nextInt(users), "s" + random.nextInt(40), "m" + random.nextInt(4),
                    Long.toString(1_600_000_000L + r * 7L + random.nextInt(5))});
        }
        return out;
    }

    private static Path csv(Path dir, List<String[]> rows, String header) throws IOException {
        List<String> lines = new ArrayList<>(List.of(header));
        rows.forEach(r -> lines.add(String.join(",", r)));
        Path file = dir.resolve("events.csv");
        Files.write(file, lines);
        return file;
    }

    private static PrepareSpec spec(Path input, Split split, Path out) {
        return new PrepareSpec(input.toString(), PrepareSpec.formatOf(input.toString()), "user", "song", "mood",
                split.method() == Split.Method.LEAVE_LAST_OUT ? "time" : null, split, null, null, null, out, "music");
    }

    private static List<String[]> lines(Path file) throws IOException {
        return Files.readAllLines(file).stream().skip(1).map(l -> l.split("\t", -1)).toList();
    }

    @Test
    void leaveLastOutPutsEachUsersLatestRowInTestAndTheOneBeforeInValid(SparkSession spark, @TempDir Path dir)
            throws IOException {
        List<String[]> rows = generate(1, 30, 400);
        Path out = dir.resolve("out");
        DataPreparation.Summary s = new DataPreparation(spark).run(spec(csv(dir, rows, "user,song,mood,time"),
                Split.leaveLastOut(), out));
        assertThat(Files.readAllLines(out.resolve("music.train.inter")).get(0))
                .isEqualTo("user_id:token\titem_id:token\tmood:token\ttimestamp:float");
        assertThat(s.rows().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(rows.size());
        Map<String, List<String[]>> byUser = new HashMap<>();
        rows.forEach(r -> byUser.computeIfAbsent(r[0], k -> new ArrayList<>()).add(r));
        List<String[]> test = lines(out.resolve("music.test.inter"));
        List<String[]> valid = lines(out.resolve("music.valid.inter"));
        long eligible = byUser.values().stream().filter(l -> l.size() >= 3).count();
        assertThat(test).hasSize((int) eligible);
        assertThat(valid).hasSize((int) eligible);
        for (String[] t : test) {
            long latest = byUser.get(t[0]).stream().mapToLong(r -> Long.parseLong(r[3])).max().orElseThrow();
            assertThat(Long.parseLong(t[3])).isEqualTo(latest);
        }
        for (String[] v : valid) {
            long[] times = byUser.get(v[0]).stream().mapToLong(r -> Long.parseLong(r[3])).sorted().toArray();
            assertThat(Long.parseLong(v[3])).isEqualTo(times[times.length - 2]);
        }
        // the id maps are the sorted distinct tokens ("u10" before "u2": string order), and .user lists them all
        List<String[]> userIds = lines(out.resolve("ids").resolve("user_id.tsv"));
        List<String> sorted = byUser.keySet().stream().sorted().toList();
        assertThat(userIds.stream().map(r -> r[0]).toList()).isEqualTo(sorted);
        assertThat(userIds.stream().map(r -> Integer.parseInt(r[1])).toList())
                .isEqualTo(java.util.stream.IntStream.range(0, sorted.size()).boxed().toList());
        assertThat(lines(out.resolve("music.user")).stream().map(r -> r[0]).toList()).isEqualTo(sorted);
    }

    @Test
    void randomSplitIsSeededAndNearEightyTenTen(SparkSession spark, @TempDir Path dir) throws IOException {
        Path input = csv(dir, generate(2, 200, 6000), "user,song,mood,time");
        DataPreparation prep = new DataPreparation(spark);
        prep.run(spec(input, Split.random(5), dir.resolve("a")));
        DataPreparation.Summary s = prep.run(spec(input, Split.random(5), dir.resolve("b")));
        prep.run(spec(input, Split.random(6), dir.resolve("c")));
        for (String split : Split.NAMES) {
            String name = "music." + split + ".inter";
            assertThat(Files.readString(dir.resolve("b").resolve(name))).isEqualTo(Files.readString(dir.resolve("a").resolve(name)));
        }
        assertThat(Files.readString(dir.resolve("c").resolve("music.test.inter")))
                .isNotEqualTo(Files.readString(dir.resolve("a").resolve("music.test.inter")));
        assertThat(s.rows().get("train") / 6000.0).isBetween(0.77, 0.83);
        assertThat(s.rows().get("valid") / 6000.0).isBetween(0.08, 0.12);
        // numeric ids are not needed: tokens are written as given, and no time column means no timestamp field
        assertThat(Files.readAllLines(dir.resolve("a").resolve("music.valid.inter")).get(0))
                .isEqualTo("user_id:token\titem_id:token\tmood:token");
    }

    @Test
    void parquetWithAGivenSplitAndItemFeatures(SparkSession spark, @TempDir Path dir) throws IOException {
        StructType schema = new StructType().add("user", DataTypes.LongType).add("song", DataTypes.LongType)
                .add("mood", DataTypes.StringType).add("part", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        String[] parts = {"train", "train", "valid", "test"};
        for (int r = 0; r < 40; r++) {
            rows.add(RowFactory.create((long) (r % 12), (long) (r % 9) * 10, "m" + (r % 3), r < 12 ? "train" : parts[r % 4]));
        }
        Path events = dir.resolve("events.parquet");
        spark.createDataFrame(rows, schema).write().parquet(events.toString());
        StructType itemSchema = new StructType().add("song", DataTypes.LongType)
                .add("mood_vector", DataTypes.createArrayType(DataTypes.DoubleType)).add("genre", DataTypes.StringType);
        List<Row> items = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            items.add(RowFactory.create((long) i * 10, new double[] {i, 0.5}, "g" + i % 2));
        }
        Path itemFile = dir.resolve("items.parquet");
        spark.createDataFrame(items, itemSchema).write().parquet(itemFile.toString());
        Path out = dir.resolve("out");
        DataPreparation.Summary s = new DataPreparation(spark).run(new PrepareSpec(events.toString(), "parquet",
                "user", "song", "mood", null, Split.given("part"), itemFile.toString(), "song", new UserGroups("genre", 2, 6, 3), out, "music"));
        assertThat(s.items()).isEqualTo(10);
        assertThat(s.rows().get("train") + s.rows().get("valid") + s.rows().get("test")).isEqualTo(40);
        List<String> itemLines = Files.readAllLines(out.resolve("music.item"));
        assertThat(itemLines.get(0)).isEqualTo("item_id:token\tmood_vector:float_seq\tgenre:token");
        // numeric tokens in numeric order: 90 is item 9, after 80
        assertThat(itemLines.get(1)).isEqualTo("0\t0.0 0.5\tg0");
        assertThat(itemLines.get(10)).isEqualTo("90\t9.0 0.5\tg1");
        // every user has a group out of the two, fitted on a sample of 6 users
        List<String> userLines = Files.readAllLines(out.resolve("music.user"));
        assertThat(userLines.get(0)).isEqualTo("user_id:token\tgroup:token");
        assertThat(userLines).hasSize(13);
        assertThat(userLines.subList(1, 13)).allMatch(l -> l.endsWith("\t0") || l.endsWith("\t1"));
    }

    @Test
    void aBadRowFailsNamingTheFileTheRecordAndTheField(SparkSession spark, @TempDir Path dir) throws IOException {
        List<String[]> rows = new ArrayList<>(generate(3, 10, 50));
        rows.set(17, new String[] {"", "s1", "m1", "1600000000"});
        Path input = csv(dir, rows, "user,song,mood,time");
        Path out = dir.resolve("out");
        assertThatThrownBy(() -> new DataPreparation(spark).run(spec(input, Split.leaveLastOut(), out)))
                .isInstanceOf(DataFormatException.class).hasMessageContaining("events.csv")
                .hasMessageContaining("column 'user' is empty").hasMessageContaining("song='s1'");
        assertThat(out).doesNotExist();
        rows.set(17, new String[] {"u1", "s1", "m1", "1600000000", "extra"});
        csv(dir, rows, "user,song,mood,time");
        assertThatThrownBy(() -> new DataPreparation(spark).run(spec(input, Split.leaveLastOut(), out)))
                .hasMessageContaining("'u1,s1,m1,1600000000,extra'").hasMessageContaining("number of fields");
        rows.set(17, new String[] {"u1", "s1", "m1", "yesterday"});
        csv(dir, rows, "user,song,mood,time");
        assertThatThrownBy(() -> new DataPreparation(spark).run(spec(input, Split.leaveLastOut(), out)))
                .hasMessageContaining("timestamp column 'time' is empty or not a number");
        csv(dir, rows, "user,track,mood,time");
        assertThatThrownBy(() -> new DataPreparation(spark).run(spec(input, Split.leaveLastOut(), out)))
                .hasMessageContaining("no column 'song'");
    }

    @Test
    void aBadParquetRowIsNamedByItsIndex(SparkSession spark, @TempDir Path dir) {
        StructType schema = new StructType().add("user", DataTypes.StringType).add("song", DataTypes.StringType)
                .add("mood", DataTypes.StringType);
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            rows.add(RowFactory.create("u" + r, r == 13 ? null : "s" + r, "m"));
        }
        Path events = dir.resolve("events.parquet");
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(events.toString());
        assertThatThrownBy(() -> new DataPreparation(spark).run(new PrepareSpec(events.toString(), "parquet", "user",
                "song", "mood", null, Split.random(1), null, null, null, dir.resolve("out"), "music")))
                .hasMessageContaining("row 13 (user='u13', song=null").hasMessageContaining("column 'song' is empty");
    }
}
