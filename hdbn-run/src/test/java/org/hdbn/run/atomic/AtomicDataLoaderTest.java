package org.hdbn.run.atomic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hdbn.data.Interactions;
import org.hdbn.io.DataFormatException;
import org.hdbn.run.data.Dataset;
import org.hdbn.run.data.InMemoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicDataLoaderTest {

    @TempDir
    Path dir;

    private static final String TRAIN = "user_id:token\titem_id:token\temotion:token\trating:float\n"
            + "u2\t10\tsad\t1\n" + "u1\t2\thappy\t0.5\n" + "u1\t10\thappy\t1\n";
    private static final String VALID = "user_id:token\titem_id:token\temotion:token\trating:float\n"
            + "u1\t10\tsad\t1\n";
    private static final String ITEM = "item_id:token\tsong_mood:float_seq\tgenre:token\ttitle:token_seq\n"
            + "2\t0.25 0.75\tpop\tOne Song\n" + "10\t1 0\trock\tTwo\n" + "7\t0.5 0.5\trock\tThree\n";

    @Test
    void writtenContentReadsBackEqual() {
        AtomicContent content = new AtomicContent("emotion", Vocabulary.sorted(List.of("u1", "u2", "u3")),
                Vocabulary.sorted(List.of("1", "2", "10")), Vocabulary.sorted(List.of("happy", "sad")),
                new Interactions(new int[] {0, 2, 1}, new int[] {2, 0, 1}, new int[] {1, 0, 0}),
                new Interactions(new int[] {1}, new int[] {2}, new int[] {1}),
                Map.of("song_mood", new double[][] {{0.1f, 0.9f}, {0.5, 0.5}, {1, 0}}),
                Map.of("genre", new Categories(Vocabulary.sorted(List.of("jazz", "pop")), new int[] {1, 0, 1})),
                Map.of("group", new Categories(Vocabulary.sorted(List.of("0", "1")), new int[] {0, 0, 1})),
                List.of("First", "Second song", "Third"), null);
        AtomicLayout layout = AtomicContentWriter.write(content, dir.resolve("out"), "tiny");
        assertThat(layout.train()).hasFileName("tiny.train.inter");
        AtomicDataset data = AtomicDataLoader.load(AtomicLayout.find(dir.resolve("out")).orElseThrow(),
                AtomicOptions.defaults());
        assertThat(data.content()).isEqualTo(content);
        assertThat(data.dims()).containsEntry("users", 3).containsEntry("items", 3).containsEntry("contexts", 2)
                .containsEntry("song_mood.width", 2).containsEntry("genre.count", 2).containsEntry("group.count", 2)
                .containsEntry("songs", 3).containsEntry("tags", 2).containsEntry("moods", 2)
                .containsEntry("genres", 2).containsEntry("groups", 2).containsEntry("train", 3);
        assertThat(data.entityFeatureNames()).containsExactly("user_genre_histogram");
        assertThat(data.items().labels()).containsExactly("First", "Second song", "Third");
        assertThat(data.users().labels()).isEqualTo(data.users().ids());
        // user 0 (u1) has one training song, item 2 ("10"), whose genre is pop (category 1)
        assertThat(data.entityFeatures("user_genre_histogram").rows()[0]).containsExactly(0.0, 1.0);
    }

    @Test
    void findsTheContextFieldNumbersTokensSortedAndReportsWhatIsUnused() throws Exception {
        List<String> notices = new ArrayList<>();
        AtomicDataset data = AtomicDataLoader.load(files(TRAIN, VALID, ITEM, null), AtomicOptions.defaults(),
                notices::add);
        AtomicContent c = data.content();
        assertThat(c.contextField()).isEqualTo("emotion");
        assertThat(c.users().tokens()).containsExactly("u1", "u2");
        // item 7 is only in .item: a known item without interactions
        assertThat(c.items().tokens()).containsExactly("2", "7", "10");
        assertThat(c.contexts().tokens()).containsExactly("happy", "sad");
        assertThat(c.train()).isEqualTo(new Interactions(new int[] {1, 0, 0}, new int[] {2, 0, 2}, new int[] {1, 0, 0}));
        assertThat(c.valid()).isEqualTo(new Interactions(new int[] {0}, new int[] {2}, new int[] {1}));
        assertThat(c.itemTables().get("song_mood")).isDeepEqualTo(new double[][] {{0.25, 0.75}, {0.5, 0.5}, {1, 0}});
        assertThat(c.itemCategories().get("genre"))
                .isEqualTo(new Categories(Vocabulary.sorted(List.of("pop", "rock")), new int[] {0, 1, 1}));
        assertThat(data.items().ids()).containsExactly("2", "7", "10");
        assertThat(data.test()).isEmpty();
        assertThat(data.userCategories().get(AtomicDataset.GROUP).codes()).containsExactly(0, 0);
        assertThat(data.dims()).containsEntry("groups", 2);
        assertThat(List.of(AtomicDataset.defaultGroups(40), AtomicDataset.defaultGroups(3473),
                AtomicDataset.defaultGroups(15233))).containsExactly(2, 12, 51);
        Path d = data.layout().directory();
        assertThat(notices).containsExactly(
                "no user category 'group' (a group token field of d.user): groups = 2 (about one per 300 users, at "
                        + "least 2) for a k-means gate; a fixed gate puts every user in one group",
                d.resolve("d.train.inter") + ": fields not used: rating:float",
                d.resolve("d.valid.inter") + ": fields not used: rating:float",
                d.resolve("d.item") + ": fields not used: title:token_seq");
    }

    @Test
    void withoutAContextFieldEveryRowHasTheOneContext() throws Exception {
        String train = "user_id:token\titem_id:token\ttimestamp:float\na\tx\t1\nb\ty\t2\n";
        AtomicDataset data = AtomicDataLoader.load(files(train, "user_id:token\titem_id:token\na\ty\n", null, null),
                AtomicOptions.defaults());
        assertThat(data.content().contextField()).isNull();
        assertThat(data.contexts().ids()).containsExactly(AtomicContent.NO_CONTEXT);
        assertThat(data.train().contexts()).containsExactly(0, 0);
        assertThat(data.validation().contexts()).containsExactly(0);
    }

    @Test
    void severalCandidateContextsNeedOneNamedAndANamedOneMustBeATokenFieldThere() throws Exception {
        String train = "user_id:token\titem_id:token\tmood:token\tdevice:token\tscore:float\nu\ti\tsad\tphone\t1\n";
        String valid = "user_id:token\titem_id:token\tmood:token\tdevice:token\tscore:float\nu\ti\tsad\tphone\t1\n";
        AtomicLayout layout = files(train, valid, null, null);
        String source = layout.train().toString();
        assertThatThrownBy(() -> AtomicDataLoader.load(layout, AtomicOptions.defaults()))
                .isInstanceOf(DataFormatException.class).hasMessage(source
                        + " line 1: several token fields could be the context: mood, device; name one (--context-field)");
        assertThat(AtomicDataLoader.load(layout, new AtomicOptions("device", UnknownIds.FAIL)).contexts().ids())
                .containsExactly("phone");
        assertThatThrownBy(() -> AtomicDataLoader.load(layout, new AtomicOptions("moood", UnknownIds.FAIL)))
                .hasMessage(source + " line 1: no context field 'moood' (did you mean 'mood'?); its token fields besides"
                        + " the ids are [mood, device]");
        assertThatThrownBy(() -> AtomicDataLoader.load(layout, new AtomicOptions("score", UnknownIds.FAIL)))
                .hasMessage(source + " line 1: field 'score' has type float, expected token");
        assertThatThrownBy(() -> AtomicDataLoader.load(layout, new AtomicOptions("user_id", UnknownIds.FAIL)))
                .hasMessage("context field 'user_id' is the user_id field; the context is another token field of "
                        + source + ": [mood, device]");
    }

    @Test
    void refusesInterFilesWithoutTheIdFieldsNamingTheNearest() throws Exception {
        AtomicLayout layout = files("user_id:token\titem:token\nu\ti\n", VALID, null, null);
        assertThatThrownBy(() -> AtomicDataLoader.load(layout, AtomicOptions.defaults()))
                .isInstanceOf(DataFormatException.class).hasMessage(layout.train() + " line 1: no field 'item_id' (did "
                        + "you mean 'item'?); the fields are user_id:token, item:token");
        AtomicLayout noContext = files(TRAIN, "user_id:token\titem_id:token\nu1\t2\n", null, null);
        assertThatThrownBy(() -> AtomicDataLoader.load(noContext, AtomicOptions.defaults()))
                .hasMessage(noContext.valid() + " line 1: no field 'emotion'; the fields are user_id:token, item_id:token");
        AtomicLayout empty = files("user_id:token\titem_id:token\n", VALID, null, null);
        assertThatThrownBy(() -> AtomicDataLoader.load(empty, AtomicOptions.defaults()))
                .hasMessage(empty.train() + ": no rows after the header");
    }

    @Test
    void unknownIdsInValidationAreRefusedOrLeftOutAndCountedNeverSkippedSilently() throws Exception {
        String valid = "user_id:token\titem_id:token\temotion:token\trating:float\n"
                + "u1\t10\tsad\t1\n" + "u1\t11\tsad\t1\n" + "u9\t2\thappy\t1\n" + "u2\t2\tangry\t1\n";
        AtomicLayout layout = files(TRAIN, valid, ITEM, null);
        assertThatThrownBy(() -> AtomicDataLoader.load(layout, AtomicOptions.defaults()))
                .isInstanceOf(DataFormatException.class).hasMessage(layout.valid() + " line 3: field item_id: unknown "
                        + "item '11' (not in d.train.inter or d.item) (did you mean '10'?); 3 of 4 rows of "
                        + layout.valid() + " have an unknown user, item or context (the model has no id for them); with "
                        + "unknown ids set to drop (--unknown-ids drop) they are left out and counted");
        List<String> notices = new ArrayList<>();
        AtomicDataset data = AtomicDataLoader.load(layout, new AtomicOptions(null, UnknownIds.DROP), notices::add);
        assertThat(data.validation()).isEqualTo(new Interactions(new int[] {0}, new int[] {2}, new int[] {1}));
        assertThat(data.dropped()).containsEntry(layout.valid().toString(), 3);
        assertThat(notices).contains(layout.valid() + ": 3 rows left out (unknown user, item or context)");

        Path extra = dir.resolve("more.inter");
        Files.writeString(extra, "user_id:token\titem_id:token\temotion:token\nu2\t2\tsad\nu1\t10\tsadd\n");
        assertThatThrownBy(() -> AtomicDataLoader.load(layout(TRAIN, VALID, ITEM), AtomicOptions.defaults())
                .readInteractions(extra)).hasMessageStartingWith(extra + " line 3: field emotion: unknown context "
                        + "'sadd' (not in d.train.inter) (did you mean 'sad'?); 1 of 2 rows of " + extra);
        assertThat(data.readInteractions(extra)).isEqualTo(new Interactions(new int[] {1}, new int[] {0},
                new int[] {1}));
        assertThat(notices).endsWith(extra + ": 1 rows left out (unknown user, item or context)");
    }

    @Test
    void aSavedCopyOfTheDataReadsInterFilesByItsExternalIds() throws Exception {
        AtomicDataset data = AtomicDataLoader.load(files(TRAIN, VALID, ITEM, null), AtomicOptions.defaults());
        Dataset copy = InMemoryDataset.copyOf(data);
        Path test = dir.resolve("d.test.inter");
        Files.writeString(test, "user_id:token\titem_id:token\temotion:token\nu2\t7\tsad\nu1\t10\thappy\n");
        assertThat(copy.readInteractions(test)).isEqualTo(data.readInteractions(test))
                .isEqualTo(new Interactions(new int[] {1, 0}, new int[] {1, 2}, new int[] {1, 0}));
        Files.writeString(test, "user_id:token\titem_id:token\temotion:token\nu2\t8\tsad\n");
        assertThatThrownBy(() -> copy.readInteractions(test)).isInstanceOf(DataFormatException.class)
                .hasMessage(test + " line 2: field item_id: unknown item '8' (not in the d data set's items) (did you "
                        + "mean '2' or '7'?); 1 of 1 rows of " + test + " have an unknown user, item or context (the "
                        + "model has no id for them)");
        Files.writeString(test, "user_id:token\titem_id:token\nu2\t7\n");
        assertThatThrownBy(() -> copy.readInteractions(test)).hasMessage(test + " line 1: no context field (a token "
                + "field besides user_id and item_id), but d has 2 contexts");
    }

    @Test
    void entityFilesNeedUniqueIdsOneRowPerEntityAndTablesOfOneWidth() throws Exception {
        String itemHeader = "item_id:token\tsong_mood:float_seq\tgenre:token\n";
        AtomicLayout twice = files(TRAIN, VALID, itemHeader + "2\t1 0\tpop\n10\t1 0\tpop\n2\t0 1\trock\n", null);
        assertThatThrownBy(() -> AtomicDataLoader.load(twice, AtomicOptions.defaults()))
                .isInstanceOf(DataFormatException.class)
                .hasMessage(twice.item() + " line 4: field item_id: '2' already has a row, on line 2");
        AtomicLayout missing = files(TRAIN, VALID, itemHeader + "2\t1 0\tpop\n", null);
        assertThatThrownBy(() -> AtomicDataLoader.load(missing, AtomicOptions.defaults()))
                .hasMessage(missing.item() + ": no row for item_id '10' (first in d.train.inter line 2); 1 of 2 ids "
                        + "have none, and every one needs its song_mood, genre");
        AtomicLayout ragged = files(TRAIN, VALID, itemHeader + "2\t1 0\tpop\n10\t0.5 0.25 0.25\tpop\n", null);
        assertThatThrownBy(() -> AtomicDataLoader.load(ragged, AtomicOptions.defaults()))
                .hasMessage(ragged.item() + " line 3: field song_mood: 3 values, expected 2 as on line 2 (a table has "
                        + "one width)");
        AtomicLayout blank = files(TRAIN, VALID, itemHeader + "2\t\tpop\n10\t1\tpop\n", null);
        assertThatThrownBy(() -> AtomicDataLoader.load(blank, AtomicOptions.defaults()))
                .hasMessage(blank.item() + " line 2: field song_mood: 0 values, expected at least one (a table has one "
                        + "width)");
        AtomicLayout users = files(TRAIN, VALID, null, "user_id:token\tgroup:token\nu1\t0\n");
        assertThatThrownBy(() -> AtomicDataLoader.load(users, AtomicOptions.defaults()))
                .hasMessage(users.user() + ": no row for user_id 'u2' (first in d.train.inter line 2); 1 of 2 ids have"
                        + " none, and every one needs its group");
    }

    @Test
    void userTokenFieldsAreUserCategories() throws Exception {
        AtomicDataset data = AtomicDataLoader.load(files(TRAIN, VALID, null,
                "user_id:token\tgroup:token\tage:float\nu2\tb\t30\nu1\ta\t20\nu3\tb\t40\n"), AtomicOptions.defaults());
        assertThat(data.users().ids()).containsExactly("u1", "u2", "u3");
        assertThat(data.userCategories().get("group").codes()).containsExactly(0, 1, 1);
        assertThat(data.dims()).containsEntry("groups", 2);
        assertThat(data.unused()).containsEntry(data.layout().user().toString(), List.of("age:float"));
    }

    @Test
    void theFingerprintCoversWhatTrainingReadsAndTheContextFieldButNotTheTestSplit() throws Exception {
        String train = "user_id:token\titem_id:token\tmood:token\tdevice:token\nu\ti\tsad\tphone\n";
        AtomicLayout layout = files(train, train, null, null);
        String mood = AtomicDataLoader.load(layout, new AtomicOptions("mood", UnknownIds.FAIL)).fingerprint();
        String device = AtomicDataLoader.load(layout, new AtomicOptions("device", UnknownIds.FAIL)).fingerprint();
        assertThat(mood).startsWith("sha256:").isNotEqualTo(device);
        Files.writeString(layout.test(), train);
        AtomicDataset withTest = AtomicDataLoader.load(layout, new AtomicOptions("mood", UnknownIds.FAIL));
        assertThat(withTest.fingerprint()).isEqualTo(mood);
        assertThat(withTest.test()).contains(new Interactions(new int[] {0}, new int[] {0}, new int[] {0}));
    }

    @Test
    void theWriterRefusesVocabulariesThatWouldComeBackWithOtherIds() {
        AtomicContent content = new AtomicContent(null, Vocabulary.inOrder(List.of("b", "a")),
                Vocabulary.sorted(List.of("x")), Vocabulary.inOrder(List.of(AtomicContent.NO_CONTEXT)),
                new Interactions(new int[] {0}, new int[] {0}, new int[] {0}),
                new Interactions(new int[0], new int[0], new int[0]), Map.of(), Map.of(), Map.of(), null, null);
        assertThatThrownBy(() -> AtomicContentWriter.write(content, dir, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("field user_id: its tokens are not in the order Vocabulary.sorted gives, so the files would "
                        + "be read back with other ids");
        assertThat(dir.resolve("x.train.inter")).doesNotExist();
    }

    @Test
    void findsOneDataSetPerFolder() throws Exception {
        assertThat(AtomicLayout.find(dir)).isEmpty();
        Files.writeString(dir.resolve("a.train.inter"), "");
        assertThat(AtomicLayout.find(dir)).contains(new AtomicLayout(dir, "a"));
        Files.writeString(dir.resolve("b.train.inter"), "");
        assertThatThrownBy(() -> AtomicLayout.find(dir)).isInstanceOf(DataFormatException.class)
                .hasMessage(dir + ": holds several atomic data sets (a, b); give a folder with one NAME.train.inter");
    }

    private AtomicLayout layout(String train, String valid, String item) throws Exception {
        return files(train, valid, item, null);
    }

    private int count;

    private AtomicLayout files(String train, String valid, String item, String user) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("set" + count++));
        AtomicLayout layout = new AtomicLayout(folder, "d");
        Files.writeString(layout.train(), train);
        Files.writeString(layout.valid(), valid);
        if (item != null) {
            Files.writeString(layout.item(), item);
        }
        if (user != null) {
            Files.writeString(layout.user(), user);
        }
        return layout;
    }
}
