package org.hdbn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hdbn.examples.cli.CommandLineTest.Run;
import org.hdbn.examples.data.EmoMusicLayout;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RecBole atomic files through the command line: {@code convert} and {@code generate --format atomic}
 * write them, {@code train --data} reads them, the same seed gives the same metrics as the
 * EmoMusicLJ layout they came from, a hand-written set trains with the built-in spec, and a folder in
 * neither layout is refused naming what was looked for.
 */
class AtomicFilesCommandTest {

    static Run run(String... args) {
        return CommandLineTest.run(args);
    }

    @TempDir
    static Path dir;

    static Path emo;
    static Path atomic;

    private static final String[] GENERATED = {"--users", "150", "--songs", "60", "--tags", "8", "--seed", "5"};

    @BeforeAll
    static void generateAndConvert() {
        emo = dir.resolve("emo");
        atomic = dir.resolve("atomic");
        Run g = run(concat(new String[] {"generate", "--format", "emomusic", "--out", emo.toString()}, GENERATED));
        assertThat(g.code()).as(g.err()).isZero();
        Run c = run("convert", "--data", emo.toString(), "--out", atomic.toString(), "--name", "small", "--context-name",
                "emotion");
        assertThat(c.code()).as(c.err()).isZero();
        // the synthetic tags are not in alphabetical order, so they are written by index to keep their ids
        assertThat(c.out()).contains("note: contexts: the ids (e.g. 'sad') do not sort into index order, so the files "
                + "name them by index (0..7) to keep every id").contains("wrote emo as atomic files small.{train.inter,"
                + "valid.inter,item,user} in " + atomic);
    }

    @Test
    void theSameSeedGivesTheSameMetricsFromEitherForm() {
        Run fromEmo = train(emo, "emo-model");
        Run fromAtomic = train(atomic, "atomic-model");
        assertThat(fromAtomic.out()).contains("training 'hdbn' on " + atomic + ": 150 users, 60 items, 8 contexts");
        String metrics = validation(fromEmo.out());
        assertThat(metrics).contains("HR@10").contains("NDCG@20");
        assertThat(validation(fromAtomic.out())).isEqualTo(metrics);
    }

    @Test
    void aModelTrainedOnAtomicFilesEvaluatesAnInterFileWithoutItsDataFolder() throws Exception {
        Path moved = dir.resolve("moved");
        Run g = run(concat(new String[] {"generate", "--format", "atomic", "--out", moved.toString()}, GENERATED));
        assertThat(g.code()).as(g.err()).isZero();
        Run t = train(moved, "moved-model");
        Path eval = Files.copy(moved.resolve("moved.valid.inter"), dir.resolve("eval.inter"));
        org.hdbn.io.FileTrees.delete(moved);
        Run e = run("evaluate", "--model", dir.resolve("moved-model").toString(), "--eval", eval.toString(),
                "--no-diagnostics");
        assertThat(e.code()).as(e.err()).isZero();
        // the same triples as the validation split, scored by the same model at the posterior means
        String table = validation(t.out());
        assertThat(e.out()).contains(table.substring(table.indexOf("metric")));
    }

    @Test
    void generateWritesAtomicFilesEqualToTheConvertedLayout() throws Exception {
        Path gen = dir.resolve("gen");
        Run g = run(concat(new String[] {"generate", "--format", "atomic", "--out", gen.toString(), "--name", "small"},
                GENERATED));
        assertThat(g.code()).as(g.err()).isZero();
        for (String suffix : List.of(".train.inter", ".valid.inter", ".item", ".user")) {
            assertThat(Files.readString(gen.resolve("small" + suffix))).as(suffix)
                    .isEqualTo(Files.readString(atomic.resolve("small" + suffix)));
        }
        assertThat(gen.resolve(EmoMusicLayout.TRAIN)).doesNotExist();
    }

    @Test
    void aHandWrittenDataSetTrainsWithTheBuiltInSpec() throws Exception {
        Path hand = Files.createDirectories(dir.resolve("hand"));
        StringBuilder train = new StringBuilder("user_id:token\titem_id:token\tmood:token\ttimestamp:float\n");
        StringBuilder valid = new StringBuilder("user_id:token\titem_id:token\tmood:token\ttimestamp:float\n");
        String[] moods = {"calm", "happy", "sad"};
        for (int u = 0; u < 40; u++) {
            for (int k = 0; k < 6; k++) {
                train.append("user").append(u).append("\tsong").append((u * 7 + k * 3) % 25).append('\t')
                        .append(moods[(u + k) % 3]).append('\t').append(1000 + k).append('\n');
            }
            valid.append("user").append(u).append("\tsong").append((u * 5) % 25).append('\t').append(moods[u % 3])
                    .append("\t2000\n");
        }
        StringBuilder items = new StringBuilder("item_id:token\tsong_mood:float_seq\tgenre:token\ttitle:token_seq\n");
        for (int i = 0; i < 25; i++) {
            items.append("song").append(i).append('\t').append(i / 25.0).append(' ').append(1 - i / 25.0).append('\t')
                    .append(i % 3 == 0 ? "rock" : "pop").append("\tSong number ").append(i).append('\n');
        }
        Files.writeString(hand.resolve("mine.train.inter"), train);
        Files.writeString(hand.resolve("mine.valid.inter"), valid);
        Files.writeString(hand.resolve("mine.item"), items);
        Run t = run("train", "--data", hand.toString(), "--model", dir.resolve("hand-model").toString(), "--epochs", "1");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("no user category 'group' (a group token field of mine.user): groups = 2").contains(hand.resolve("mine.train.inter") + ": fields not used: timestamp:float")
                .contains(hand.resolve("mine.item") + ": fields not used: title:token_seq")
                .contains("training 'hdbn' on " + hand + ": 40 users, 25 items, 3 contexts, 240 training triples")
                .contains("validation split (40 triples)");
        Run tags = run("tags", "--data", hand.toString());
        assertThat(tags.code()).as(tags.err()).isZero();
        assertThat(tags.out()).contains("3 emotion tags of " + hand).contains("    1  happy\n");
    }

    @Test
    void aFolderInNeitherLayoutIsRefusedNamingWhatWasLookedFor() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Files.writeString(empty.resolve("all.inter"), "user_id:token\titem_id:token\n");
        assertThat(refusal("train", "--data", empty.toString(), "--model", dir.resolve("m1").toString())).contains(empty
                + ": no data set found: looked for UI_indexes_train.csv (the EmoMusicLJ layout) and for "
                + "NAME.train.inter and NAME.valid.inter (optionally NAME.test.inter, NAME.item, NAME.user) (RecBole "
                + "atomic files); [all.inter] holds all interactions in one file: hdbn reads RecBole's benchmark split, "
                + "so split it into NAME.train.inter and NAME.valid.inter");
        assertThat(refusal("train", "--data", dir.toString(), "--model", dir.resolve("m2").toString()))
                .contains(dir + ": not a data set folder; the data sets inside it are [atomic, emo");
        assertThat(refusal("convert", "--data", dir.resolve("nowhere").toString(), "--out", dir.resolve("x").toString()))
                .contains(dir.resolve("nowhere") + ": data set directory not found");
        Path both = Files.createDirectories(dir.resolve("both"));
        Files.copy(emo.resolve(EmoMusicLayout.TRAIN), both.resolve(EmoMusicLayout.TRAIN));
        Files.copy(atomic.resolve("small.train.inter"), both.resolve("small.train.inter"));
        assertThat(refusal("convert", "--data", both.toString(), "--out", dir.resolve("x").toString()))
                .contains(both + ": holds data sets in several layouts");
        assertThat(refusal("train", "--data", emo.toString(), "--model", dir.resolve("m3").toString(),
                "--context-field", "emotion")).contains("--context-field and --unknown-ids apply to atomic files; " + emo
                        + " is in the EmoMusicLJ layout");
        assertThat(refusal("train", "--data", atomic.toString(), "--model", dir.resolve("m4").toString(),
                "--unknown-ids", "skip")).contains("--unknown-ids must be fail or drop, got 'skip'");
        assertThat(refusal("train", "--data", atomic.toString(), "--model", dir.resolve("m5").toString(),
                "--context-field", "emotoin")).contains(atomic.resolve("small.train.inter")
                        + " line 1: no context field 'emotoin' (did you mean 'emotion'?)");
    }

    @Test
    void convertKeepsAnExistingDataSetUnlessForced() {
        assertThat(refusal("convert", "--data", emo.toString(), "--out", atomic.toString(), "--name", "small"))
                .contains(atomic.resolve("small.train.inter") + ": already exists; --force replaces the data set");
    }

    private static Run train(Path data, String model) {
        Run t = run("train", "--data", data.toString(), "--model", dir.resolve(model).toString(), "--epochs", "1",
                "--seed", "2");
        assertThat(t.code()).as(t.err()).isZero();
        return t;
    }

    private static String validation(String out) {
        int at = out.indexOf("validation split");
        assertThat(at).as(out).isNotNegative();
        return out.substring(at);
    }

    private static String refusal(String... args) {
        Run r = run(args);
        assertThat(r.code()).as(r.out()).isNotZero();
        return r.err();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
