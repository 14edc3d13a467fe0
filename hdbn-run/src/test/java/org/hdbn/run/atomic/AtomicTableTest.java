package org.hdbn.run.atomic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hdbn.io.DataFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicTableTest {

    @TempDir
    Path dir;

    private static final AtomicHeader HEADER = new AtomicHeader(List.of(AtomicField.token("item_id"),
            new AtomicField("tags", FieldType.TOKEN_SEQ), new AtomicField("rating", FieldType.FLOAT),
            AtomicField.floatSeq("mood")));

    @Test
    void writesThenReadsBackEqualWithEveryType() throws Exception {
        AtomicTable table = new AtomicTable(HEADER, List.of(
                new AtomicColumn.Tokens(List.of("song 1", "ü-2", "3")),
                new AtomicColumn.TokenSeqs(List.of(List.of("rock", "pop"), List.of(), List.of("jazz"))),
                new AtomicColumn.Floats(new double[] {4.5, -0.0, 1e-300}),
                new AtomicColumn.FloatSeqs(new double[][] {{0.1f, 0.9f}, {}, {1.0 / 3, 2.0 / 3}})));
        Path file = dir.resolve("x.item");
        AtomicTableWriter.write(file, table);
        assertThat(Files.readString(file)).startsWith("item_id:token\ttags:token_seq\trating:float\tmood:float_seq\n"
                + "song 1\trock pop\t4.5\t0.10000000149011612 0.8999999761581421\n" + "ü-2\t\t-0.0\t\n");
        assertThat(AtomicTableReader.read(file)).isEqualTo(table);
    }

    @Test
    void readsWindowsLineEndsAByteOrderMarkAndNoFinalLineEnd() throws Exception {
        Path file = write("\uFEFFuser_id:token\titem_id:token\r\nu1\ti9\r\nu2\ti8");
        AtomicTable got = AtomicTableReader.read(file);
        assertThat(got.tokens("user_id", "x")).containsExactly("u1", "u2");
        assertThat(got.tokens("item_id", "x")).containsExactly("i9", "i8");
        assertThat(AtomicTableReader.read(write("user_id:token\n")).rows()).isZero();
    }

    @Test
    void refusesBadHeadersNamingFileColumnAndNearestType() throws Exception {
        String[][] cases = {
            {"", ": empty file (expected a header of tab-separated name:type fields)"},
            {"\n", " line 1: empty header (expected tab-separated name:type fields)"},
            {"user_id:token\titem_id\n", " line 1: column 2: expected name:type, got 'item_id'"},
            {"user_id:token\t:token\n", " line 1: column 2: expected name:type, got ':token'"},
            {"a:b:token\n", " line 1: column 1: expected name:type, got 'a:b:token'"},
            {"user_id:tokn\n", " line 1: column 1 (user_id): unknown type 'tokn' (did you mean 'token'?); the types "
                    + "are token, token_seq, float, float_seq"},
            {"x:float_sequence\n", " line 1: column 1 (x): unknown type 'float_sequence' (did you mean 'float_seq'?); "
                    + "the types are token, token_seq, float, float_seq"},
            {"user_id:token\tuser_id:float\n", " line 1: column 2: field 'user_id' appears twice"}};
        for (String[] c : cases) {
            Path file = write(c[0]);
            assertThatThrownBy(() -> AtomicTableReader.read(file)).isInstanceOf(DataFormatException.class)
                    .hasMessage(file + c[1]);
        }
    }

    @Test
    void refusesBadRowsNamingFileLineFieldAndValue() throws Exception {
        String header = "item_id:token\ttags:token_seq\trating:float\tmood:float_seq\n";
        String good = "a\tx y\t1\t0.5 0.5\n";
        String[][] cases = {
            {"b\tx\t1\n", "expected 4 tab-separated values (item_id:token, tags:token_seq, rating:float, "
                    + "mood:float_seq), got 3"},
            {"\n", "expected 4 tab-separated values (item_id:token, tags:token_seq, rating:float, mood:float_seq), "
                    + "got 1 (empty line)"},
            {"b\tx\t1\t0.5\textra\n", "expected 4 tab-separated values (item_id:token, tags:token_seq, rating:float, "
                    + "mood:float_seq), got 5"},
            {"\tx\t1\t0.5\n", "field item_id: empty value (a token is required)"},
            {"b\tx  y\t1\t0.5\n", "field tags: empty element in 'x  y' (elements are separated by single spaces)"},
            {"b\tx \t1\t0.5\n", "field tags: empty element in 'x ' (elements are separated by single spaces)"},
            {"b\tx\tfive\t0.5\n", "field rating: expected a finite number, got 'five'"},
            {"b\tx\t\t0.5\n", "field rating: expected a finite number, got ''"},
            {"b\tx\tNaN\t0.5\n", "field rating: expected a finite number, got 'NaN'"},
            {"b\tx\t1e999\t0.5\n", "field rating: expected a finite number, got '1e999'"},
            {"b\tx\t0x1p3\t0.5\n", "field rating: expected a finite number, got '0x1p3'"},
            {"b\tx\t1\t0.5 1-\n", "field mood: expected a finite number, got '1-'"}};
        for (String[] c : cases) {
            Path file = write(header + good + c[0]);
            assertThatThrownBy(() -> AtomicTableReader.read(file)).isInstanceOf(DataFormatException.class)
                    .hasMessage(file + " line 3: " + c[1]);
        }
    }

    @Test
    void refusesTextThatIsNotUtf8() throws Exception {
        Path file = dir.resolve("latin1.inter");
        Files.write(file, "user_id:token\nM\u00fcller\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> AtomicTableReader.read(file)).isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(file + ": not UTF-8 text");
    }

    @Test
    void namesTheNearestFieldWhenOneIsMissingOrOfAnotherType() throws Exception {
        Path file = write("userid:token\titem_id:float\n");
        AtomicTable table = AtomicTableReader.read(file);
        assertThatThrownBy(() -> table.tokens("user_id", file.toString())).isInstanceOf(DataFormatException.class)
                .hasMessage(file + " line 1: no field 'user_id' (did you mean 'userid'?); the fields are userid:token, "
                        + "item_id:float");
        assertThatThrownBy(() -> table.tokens("item_id", file.toString()))
                .hasMessage(file + " line 1: field 'item_id' has type float, expected token");
    }

    @Test
    void refusesToWriteWhatCouldNotBeReadBackAndLeavesNoFile() {
        AtomicHeader tokens = AtomicHeader.of(AtomicField.token("a"), new AtomicField("b", FieldType.TOKEN_SEQ));
        Object[][] cases = {
            {new AtomicTable(tokens, List.of(new AtomicColumn.Tokens(List.of("ok", "x\ty")),
                    new AtomicColumn.TokenSeqs(List.of(List.of(), List.of())))),
                "field a, row 1: token 'x\ty' is empty or holds a tab, line break"},
            {new AtomicTable(tokens, List.of(new AtomicColumn.Tokens(List.of("")),
                    new AtomicColumn.TokenSeqs(List.of(List.of())))),
                "field a, row 0: token '' is empty or holds a tab, line break"},
            {new AtomicTable(tokens, List.of(new AtomicColumn.Tokens(List.of("ok")),
                    new AtomicColumn.TokenSeqs(List.of(List.of("two words"))))),
                "field b, row 0: sequence element 'two words' is empty or holds a tab, line break or space"},
            {new AtomicTable(AtomicHeader.of(AtomicField.floatSeq("m")),
                    List.of(new AtomicColumn.FloatSeqs(new double[][] {{1, Double.NaN}}))),
                "field m, row 0: NaN is not a finite number"}};
        for (Object[] c : cases) {
            Path file = dir.resolve("bad.item");
            assertThatThrownBy(() -> AtomicTableWriter.write(file, (AtomicTable) c[0]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("cannot write " + file + ": " + c[1]);
            assertThat(file).doesNotExist();
        }
    }

    private Path write(String content) throws Exception {
        Path file = Files.createTempFile(dir, "t", ".inter");
        Files.writeString(file, content);
        return file;
    }
}
