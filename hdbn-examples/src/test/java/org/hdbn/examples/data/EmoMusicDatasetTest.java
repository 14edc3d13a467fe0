package org.hdbn.examples.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.hdbn.gate.EntityFeatures;
import org.hdbn.gate.ItemCategoryHistogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * EmoMusicLJ as a {@code Dataset}: the names the built-in specs read have the values the
 * EmoMusicLJ-bound run layer gave them, so the specs build the same models.
 */
class EmoMusicDatasetTest {

    @TempDir
    Path dir;

    @Test
    void theBuiltInSpecsNamesKeepTheirValues() {
        SyntheticEmoMusic.generate(new SyntheticEmoMusic.Config(120, 50, 7, 5, 3, 10, 0.1, 4L), dir);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        assertThat(data.dims()).containsEntry("users", data.numUsers()).containsEntry("songs", data.numSongs())
                .containsEntry("items", data.numSongs()).containsEntry("tags", data.numTags())
                .containsEntry("genres", data.numGenres()).containsEntry("moods", EmoMusicLayout.MOODS)
                .containsEntry("groups", Math.max(1, data.numGroups())).containsEntry("train", data.train().size());
        assertThat(data.itemTables().get("song_mood").rows()).isEqualTo(data.numSongs());
        assertThat(data.itemTables().get("song_mood").data()).containsExactly(
                java.util.Arrays.stream(data.songMood()).flatMapToDouble(java.util.Arrays::stream).toArray());
        EntityFeatures histograms = data.entityFeatures("user_genre_histogram");
        EntityFeatures before = new ItemCategoryHistogram(data.genres(), data.numGenres()).build(data.train(),
                data.numUsers());
        assertThat(histograms.rows()).isDeepEqualTo(before.rows());
        assertThat(data.userCategories().get("group").codes()).containsExactly(data.userGroups());
        assertThat(data.contexts().ids()).isEqualTo(data.emotionTags());
        assertThat(data.items().label(0)).isEqualTo(data.songInfo(0).orElseThrow().artist() + " - "
                + data.songInfo(0).orElseThrow().title());
    }
}
