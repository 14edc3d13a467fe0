package org.hdbn.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hdbn.data.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriplesCsvTest {

    private static final TriplesCsv CSV = new TriplesCsv("user_id", "song_id", "emo_id");

    @TempDir
    Path dir;

    @Test
    void roundTrips() throws Exception {
        Interactions data = new Interactions(new int[] {0, 12, 3}, new int[] {5, 0, 2147483646}, new int[] {1, 1, 0});
        Path file = dir.resolve("t.csv");
        CSV.write(file, data);
        assertThat(Files.readString(file)).isEqualTo("user_id,song_id,emo_id\n0,5,1\n12,0,1\n3,2147483646,0\n");
        assertThat(CSV.read(file)).isEqualTo(data);
    }

    @Test
    void readsWindowsLineEndsNoFinalNewlineAndAByteOrderMark() throws Exception {
        Path file = write("\uFEFFuser_id,song_id,emo_id\r\n3914,1509,59\r\n6890,685,94");
        Interactions got = CSV.read(file, 6891, 1510, 132);
        assertThat(got).isEqualTo(new Interactions(new int[] {3914, 6890}, new int[] {1509, 685}, new int[] {59, 94}));
        assertThat(CSV.read(write("user_id,song_id,emo_id\n")).size()).isZero();
    }

    @Test
    void refusesMissingAndEmptyFiles() throws Exception {
        Path missing = dir.resolve("none.csv");
        assertThatThrownBy(() -> CSV.read(missing)).isInstanceOf(DataFormatException.class)
                .hasMessage(missing + ": file not found");
        Path empty = write("");
        assertThatThrownBy(() -> CSV.read(empty))
                .hasMessage(empty + ": empty file (expected the header 'user_id,song_id,emo_id')");
    }

    @Test
    void refusesWrongHeaderShowingExpectedAndGot() throws Exception {
        Path file = write("user,song,emotion\n1,2,3\n");
        assertThatThrownBy(() -> CSV.read(file)).isInstanceOf(DataFormatException.class).hasMessage(file
                + " line 1: wrong header: expected 'user_id,song_id,emo_id', got 'user,song,emotion'");
    }

    @Test
    void refusesWrongFieldCount() throws Exception {
        Path few = write("user_id,song_id,emo_id\n1,2,3\n4,5\n");
        assertThatThrownBy(() -> CSV.read(few)).hasMessage(few + " line 3: expected 3 fields, got 2");
        Path many = write("user_id,song_id,emo_id\n1,2,3,4\n");
        assertThatThrownBy(() -> CSV.read(many)).hasMessage(many + " line 2: expected 3 fields, got 4");
        Path blank = write("user_id,song_id,emo_id\n1,2,3\n\n4,5,6\n");
        assertThatThrownBy(() -> CSV.read(blank)).hasMessage(blank + " line 3: expected 3 fields, got 1 (empty line)");
    }

    @Test
    void refusesNonIntegerFieldsNamingLineAndField() throws Exception {
        String[][] cases = {{"1,x,3", "field song_id: expected an integer, got 'x'"},
            {"1,2, 3", "field emo_id: expected an integer, got ' 3'"},
            {"1.5,2,3", "field user_id: expected an integer, got '1.5'"},
            {"1,,3", "field song_id: expected an integer, got ''"},
            {"1,2,-", "field emo_id: expected an integer, got '-'"},
            {"99999999999,2,3", "field user_id: expected an integer, got '99999999999'"},
            {"1,2,3000000000", "field emo_id: integer out of range: 3000000000"}};
        for (String[] c : cases) {
            Path file = write("user_id,song_id,emo_id\n0,0,0\n0,0,0\n" + c[0] + "\n");
            assertThatThrownBy(() -> CSV.read(file)).isInstanceOf(DataFormatException.class)
                    .hasMessage(file + " line 4: " + c[1]);
        }
    }

    @Test
    void refusesNegativeAndOutOfBoundIndexes() throws Exception {
        Path negative = write("user_id,song_id,emo_id\n1,-7,3\n");
        assertThatThrownBy(() -> CSV.read(negative)).hasMessage(negative + " line 2: field song_id: negative index -7");
        Path big = write("user_id,song_id,emo_id\n1,2,3\n1,2,132\n");
        assertThatThrownBy(() -> CSV.read(big, 10, 10, 132))
                .hasMessage(big + " line 3: field emo_id: index 132 out of range (must be < 132)");
        assertThat(CSV.read(big, 10, 10, 133).size()).isEqualTo(2);
    }

    @Test
    void parsesManyRowsInOnePass() {
        int n = 124_000;
        StringBuilder text = new StringBuilder("user_id,song_id,emo_id\r\n");
        for (int r = 0; r < n; r++) {
            text.append(r % 15233).append(',').append(r % 6180).append(',').append(r % 132).append("\r\n");
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        Interactions got = CSV.parse(bytes, "big.csv", 15233, 6180, 132);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("TriplesCsv: parsed " + n + " rows in " + millis + " ms");
        assertThat(got.size()).isEqualTo(n);
        assertThat(got.users()[n - 1]).isEqualTo((n - 1) % 15233);
        assertThat(got.contexts()[n - 1]).isEqualTo((n - 1) % 132);
    }

    @Test
    void refusesBadColumnNamesAndNegativeIndexesOnWrite() {
        assertThatThrownBy(() -> new TriplesCsv("a,b", "c", "d")).isInstanceOf(IllegalArgumentException.class);
        Path file = dir.resolve("neg.csv");
        assertThatThrownBy(() -> CSV.write(file, new Interactions(new int[] {0}, new int[] {-1}, new int[] {0})))
                .hasMessageContaining("field song_id: negative index -1");
        assertThat(file).doesNotExist();
    }

    private Path write(String content) throws Exception {
        Path file = Files.createTempFile(dir, "t", ".csv");
        Files.writeString(file, content);
        return file;
    }
}
