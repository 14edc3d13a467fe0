package org.hdbn.run.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.hdbn.data.Interactions;
import org.hdbn.gate.EntityFeatures;
import org.hdbn.graph.SpecException;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The names a data set gives a spec: dimensions and their aliases, entity features, external ids. */
class DatasetTest {

    /** 3 users, 4 items in genres 0,0,1,2 with a 2-wide mood table, 2 contexts; user 2 has no training items. */
    static InMemoryDataset small() {
        Interactions train = new Interactions(new int[] {0, 0, 0, 1}, new int[] {0, 1, 2, 3}, new int[] {0, 1, 1, 0});
        return new InMemoryDataset("small", null, "sha256:x", EntityIds.numbered(3), EntityIds.numbered(4),
                EntityIds.of(List.of("calm", "Happy")), train, new Interactions(new int[0], new int[0], new int[0]),
                null, Map.of("song_mood", Tensor.matrix(new double[4][2])),
                Map.of("genre", new CategoryColumn(new int[] {0, 0, 1, 2}, 3)),
                Map.of("group", CategoryColumn.of(new int[] {1, 0, 1})));
    }

    @Test
    void dimensionsHaveCanonicalNamesAndTheBuiltInSpecsAliases() {
        Map<String, Integer> dims = small().dims();
        assertThat(dims).containsEntry("users", 3).containsEntry("items", 4).containsEntry("contexts", 2)
                .containsEntry("train", 4).containsEntry("song_mood.width", 2).containsEntry("genre.count", 3)
                .containsEntry("group.count", 2).containsEntry("songs", 4).containsEntry("tags", 2)
                .containsEntry("moods", 2).containsEntry("genres", 3).containsEntry("groups", 2);
    }

    @Test
    void anAliasIsAbsentWhenWhatItNamesIs() {
        InMemoryDataset d = small();
        InMemoryDataset bare = new InMemoryDataset("bare", null, "sha256:y", d.users(), d.items(), d.contexts(),
                d.train(), d.validation(), null, Map.of(), Map.of(), Map.of());
        assertThat(bare.dims()).containsOnlyKeys("users", "items", "contexts", "train", "songs", "tags");
    }

    @Test
    void userHistogramsOverAnItemCategory() {
        EntityFeatures f = small().entityFeatures("user_genre_histogram");
        assertThat(f.rows()[0]).containsExactly(2 / 3.0, 1 / 3.0, 0);
        assertThat(f.rows()[1]).containsExactly(0, 0, 1);
        assertThat(f.rows()[2]).containsExactly(0, 0, 0);
        assertThat(f.hasFeatures(2)).isFalse();
        assertThat(small().entityFeatureNames()).containsExactly("user_genre_histogram");
    }

    @Test
    void anUnknownFeatureNameIsRefusedWithTheNearestKnown() {
        assertThatThrownBy(() -> small().entityFeatures("user_genres_histogram")).isInstanceOf(SpecException.class)
                .hasMessageContaining("'user_genres_histogram'").hasMessageContaining("user_genre_histogram");
    }

    @Test
    void entitiesResolveByIdIgnoringCaseOrByIndex() {
        EntityIds tags = small().contexts();
        assertThat(tags.resolve("Happy", "tag")).isEqualTo(1);
        assertThat(tags.resolve("happy", "tag")).isEqualTo(1);
        assertThat(tags.resolve("0", "tag")).isEqualTo(0);
        assertThatThrownBy(() -> tags.resolve("hapy", "emotion tag")).hasMessageContaining("unknown emotion tag 'hapy'")
                .hasMessageContaining("Happy");
    }

    @Test
    void aModelRefusesADataSetWithAnotherFingerprint() {
        assertThatThrownBy(() -> small().requireFingerprint("sha256:other")).hasMessageContaining("sha256:other")
                .hasMessageContaining("other data");
    }
}
