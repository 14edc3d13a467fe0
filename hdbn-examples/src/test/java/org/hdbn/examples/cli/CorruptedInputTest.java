package org.hdbn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hdbn.examples.data.SyntheticEmoMusic;
import org.hdbn.io.Npy;
import org.hdbn.io.NpyArray;
import org.hdbn.io.NpyDtype;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input the command line reads ends the command with exit code 2 and one message that
 * names the file, line or value at fault, without a stack trace.
 */
class CorruptedInputTest {

    @TempDir
    static Path dir;

    static Path clean;
    static Path model;

    @BeforeAll
    static void setUp() throws Exception {
        clean = dir.resolve("clean");
        Files.createDirectories(clean);
        SyntheticEmoMusic.generate(new SyntheticEmoMusic.Config(200, 80, 10, 6, 3, 12, 0.1, 2), clean);
        model = dir.resolve("model");
        String err = run("train", "--data", clean.toString(), "--model", model.toString(), "--epochs", "1");
        assertThat(err).isEmpty();
    }

    /** Runs the command; returns its error output, or "" when it succeeded. */
    static String run(String... args) {
        StringWriter err = new StringWriter();
        int code = HdbnCommand.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        assertThat(code).as("exit code of %s", Arrays.toString(args)).isIn(0, 2);
        return code == 0 ? "" : err.toString();
    }

    static void refused(String err, String... fragments) {
        assertThat(err).startsWith("hdbn: error: ").doesNotContain("\tat ").doesNotContain("Exception");
        for (String f : fragments) {
            assertThat(err).contains(f);
        }
    }

    /** A copy of the clean data set with one file changed. */
    static Path corrupt(String name, String file, byte[] content) throws Exception {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(clean)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (content == null) {
            Files.delete(copy.resolve(file));
        } else {
            Files.write(copy.resolve(file), content);
        }
        return copy;
    }

    static String train(Path data) {
        return run("train", "--data", data.toString(), "--model", dir.resolve("m-" + data.getFileName()).toString(),
                "--spec", "bprmf", "--epochs", "1");
    }

    static String replaceLine(String file, int index, String line) throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(clean.resolve(file)));
        lines.set(index, line);
        return String.join("\n", lines) + "\n";
    }

    @Test
    void csvProblemsNameTheFileAndLine() throws Exception {
        refused(train(corrupt("header", "UI_indexes_train.csv",
                replaceLine("UI_indexes_train.csv", 0, "user,song_id,emo_id").getBytes())), "UI_indexes_train.csv", "header");
        refused(train(corrupt("nonint", "UI_indexes_train.csv",
                replaceLine("UI_indexes_train.csv", 3, "1,x,2").getBytes())), "UI_indexes_train.csv line 4", "'x'");
        refused(train(corrupt("range", "UI_indexes_train.csv",
                replaceLine("UI_indexes_train.csv", 5, "1,999999,2").getBytes())), "UI_indexes_train.csv line 6", "999999");
        refused(train(corrupt("empty", "UI_indexes_train.csv", new byte[0])), "UI_indexes_train.csv", "empty");
        refused(train(corrupt("missing", "UI_indexes_train.csv", null)), "UI_indexes_train.csv");
        Path eval = dir.resolve("bad-eval.csv");
        Files.writeString(eval, "user_id,song_id,emo_id\n1,2,3\n1,2,100000\n");
        refused(run("evaluate", "--model", model.toString(), "--eval", eval.toString()), "bad-eval.csv line 3", "100000");
    }

    @Test
    void npyProblemsNameTheFileAndWhatWasExpected() throws Exception {
        byte[] mood = Files.readAllBytes(clean.resolve("songs_mood.npy"));
        byte[] badMagic = mood.clone();
        badMagic[1] = 'X';
        refused(train(corrupt("magic", "songs_mood.npy", badMagic)), "songs_mood.npy", "magic");
        refused(train(corrupt("truncated", "songs_mood.npy", Arrays.copyOf(mood, mood.length - 7))), "songs_mood.npy");
        int[] genres = Npy.readInts(clean.resolve("genres.npy"), Npy.ANY);
        double[] asFloats = Arrays.stream(genres).asDoubleStream().toArray();
        refused(train(corrupt("dtype", "genres.npy", Npy.toBytes(NpyArray.ofDoubles(asFloats)))), "genres.npy", "<f8");
        double[][] moods = Npy.readFloat64Matrix(clean.resolve("songs_mood.npy"), Npy.ANY);
        moods[3][2] = Double.NaN;
        refused(train(corrupt("nan", "songs_mood.npy", Npy.toBytes(NpyArray.ofMatrix(
                NpyDtype.fromDescr("<f8").orElseThrow(), moods)))), "songs_mood.npy", "NaN");
        double[][] wide = new double[moods.length][10];
        refused(train(corrupt("shape", "songs_mood.npy", Npy.toBytes(NpyArray.ofMatrix(
                NpyDtype.fromDescr("<f4").orElseThrow(), wide)))), "songs_mood.npy");
    }

    @Test
    void specProblemsNameTheFileAndLine() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"formatVersion\": 1,\n \"name\": \"x\",\n \"graph\": {\n");
        refused(run("train", "--data", clean.toString(), "--model", dir.resolve("mx").toString(), "--spec",
                broken.toString()), "broken.json");
        Path unknown = dir.resolve("unknown.json");
        Files.writeString(unknown, new String(getClass().getResourceAsStream("/org/hdbn/examples/specs/bprmf.json")
                .readAllBytes()).replace("\"type\": \"bpr\"", "\"type\": \"warp\""));
        refused(run("train", "--data", clean.toString(), "--model", dir.resolve("my").toString(), "--spec",
                unknown.toString()), "unknown.json line", "unknown NodeSpec type 'warp'");
        refused(run("train", "--data", clean.toString(), "--model", dir.resolve("mz").toString(), "--spec", "nope"),
                "nope");
    }

    @Test
    void modelFolderProblemsAreNamed() throws Exception {
        Path truncated = copyModel("truncated-model");
        byte[] bin = Files.readAllBytes(truncated.resolve("params.bin"));
        Files.write(truncated.resolve("params.bin"), Arrays.copyOf(bin, bin.length / 2));
        refused(run("evaluate", "--model", truncated.toString()), "params.bin", "truncated");

        Path noData = copyModel("no-data-copy");
        Files.delete(noData.resolve("data/dataset.json"));
        refused(run("evaluate", "--model", noData.toString()), "dataset.json");

        Path badGate = copyModel("bad-gate");
        Files.writeString(badGate.resolve("model.json"), Files.readString(badGate.resolve("model.json"))
                .replace("\"type\" : \"centroid\"", "\"type\" : \"centroids\""));
        refused(run("evaluate", "--model", badGate.toString()), "model.json", "centroids");

        Path badJson = copyModel("bad-json");
        Files.writeString(badJson.resolve("model.json"), "{\"format\": \"hdbn-model\", ");
        refused(run("evaluate", "--model", badJson.toString()), "model.json");

        refused(run("evaluate", "--model", dir.resolve("no-such-model").toString()), "no-such-model");
    }

    @Test
    void unknownUsersAndTagsInRecommendAreNamed() {
        refused(run("recommend", "--model", model.toString(), "--user", "5", "--emotion", "euphoric-ish"),
                "unknown emotion tag 'euphoric-ish'");
        refused(run("recommend", "--model", model.toString(), "--user", "-3", "--emotion", "0"), "unknown user '-3'");
    }

    static Path copyModel(String name) throws Exception {
        Path copy = dir.resolve(name);
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.walk(model)) {
            for (Path f : files.toList()) {
                if (!f.equals(model)) {
                    Files.copy(f, copy.resolve(model.relativize(f).toString()));
                }
            }
        }
        return copy;
    }
}
