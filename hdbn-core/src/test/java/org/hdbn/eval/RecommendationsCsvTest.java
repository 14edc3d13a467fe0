package org.hdbn.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationsCsvTest {

    private static final CsvHeader HEADER = new CsvHeader("user_id", "song_id", "emo_id", "recommended");

    @TempDir
    Path dir;

    @Test
    void writesTheExpectedTextAndReadsItBack() throws IOException {
        Interactions triples = new Interactions(new int[] {3, 0}, new int[] {7, 2}, new int[] {1, 0});
        int[][] lists = {{5, 7, 1}, {2, 9, 4}};
        Path file = dir.resolve("recs.csv");

        RecommendationsCsv.write(file, HEADER, triples, lists, null);

        assertThat(Files.readAllLines(file)).containsExactly(
                "user_id,song_id,emo_id,recommended", "3,7,1,5 7 1", "0,2,0,2 9 4");
        Recommendations back = RecommendationsCsv.read(file, HEADER);
        assertThat(back.triples()).isEqualTo(triples);
        assertThat(back.lists()).isDeepEqualTo(lists);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void exportsAnEvaluationAndReplacesAnOldFile() throws IOException {
        double[][] scores = {{0.1, 0.9, 0.5, 0.3}, {0.4, 0.4, 0.2, 0.8}};
        Interactions eval = new Interactions(new int[] {0, 1}, new int[] {2, 0}, new int[] {4, 4});
        SeenItems train = SeenItems.of(new Interactions(new int[] {0}, new int[] {1}, new int[] {0}));
        EvaluationResult result = new RankingEvaluator(List.of(1, 2), 3, 8)
                .evaluate(new ArrayBlockScorer(scores), eval, train);
        Path file = dir.resolve("out.csv");
        Files.writeString(file, "stale");

        RecommendationsCsv.write(file, CsvHeader.GENERIC, eval, result);

        // user 0's played item 1 is left out of 'recommended' but leads 'recommended_full'
        assertThat(Files.readAllLines(file)).containsExactly(
                "user_id,item_id,context_id,recommended,recommended_full", "0,2,4,2 3 0,1 2 3", "1,0,4,3 0 1,3 0 1");
        Recommendations back = RecommendationsCsv.read(file, CsvHeader.GENERIC);
        assertThat(back.lists()).isDeepEqualTo(result.recommendations());
        assertThat(back.fullLists()).isDeepEqualTo(result.fullRecommendations());

        RecommendationsCsv.write(file, HEADER, eval, result);
        assertThat(Files.readAllLines(file)).containsExactly(
                "user_id,song_id,emo_id,recommended", "0,2,4,2 3 0", "1,0,4,3 0 1");
        assertThat(RecommendationsCsv.read(file, HEADER).fullLists()).isNull();
    }

    @Test
    void readErrorsNameFileLineAndField() throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "user_id,song_id,emo_id,recommended\n1,2,3,4 5\n1,x,3,4\n");
        assertThatThrownBy(() -> RecommendationsCsv.read(file, HEADER))
                .isInstanceOf(RecommendationsFormatException.class)
                .hasMessage("bad.csv line 3: field song_id: expected an integer, got 'x'");

        Files.writeString(file, "user_id,song_id,emo_id,recommended\n1,2,3,4 y\n");
        assertThatThrownBy(() -> RecommendationsCsv.read(file, HEADER))
                .hasMessage("bad.csv line 2: field recommended: expected an integer, got 'y'");

        Files.writeString(file, "user_id,song_id,emo_id,recommended\n1,2,3\n");
        assertThatThrownBy(() -> RecommendationsCsv.read(file, HEADER))
                .hasMessage("bad.csv line 2: expected 4 fields, got 3");

        Files.writeString(file, "user_id,item_id,context_id,recommended,recommended_full\n1,2,3,4 5,6 z\n");
        assertThatThrownBy(() -> RecommendationsCsv.read(file, CsvHeader.GENERIC))
                .hasMessage("bad.csv line 2: field recommended_full: expected an integer, got 'z'");

        Files.writeString(file, "user,item,ctx,recommended\n");
        assertThatThrownBy(() -> RecommendationsCsv.read(file, HEADER))
                .hasMessageContaining("bad.csv line 1: expected header");
    }

    @Test
    void refusesMismatchedInputAndBadColumnNames() {
        Interactions one = new Interactions(new int[] {0}, new int[] {0}, new int[] {0});
        assertThatThrownBy(() -> RecommendationsCsv.write(dir.resolve("x.csv"), HEADER, one, new int[2][], null))
                .hasMessageContaining("1 triples but 2 lists");
        assertThatThrownBy(() -> RecommendationsCsv.write(dir.resolve("x.csv"), CsvHeader.GENERIC, one, new int[1][], null))
                .hasMessageContaining("recommended_full");
        assertThatThrownBy(() -> RecommendationsCsv.write(dir.resolve("x.csv"), HEADER, one, new int[1][], new int[1][]))
                .hasMessageContaining("no column");
        assertThatThrownBy(() -> new CsvHeader("user,id", "i", "c", "r")).hasMessageContaining("user,id");
    }
}
