package org.hdbn.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hdbn.data.Interactions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticEmoMusicTest {

    private static final List<String> FILES = List.of(EmoMusicLayout.TRAIN, EmoMusicLayout.VALIDATION,
            EmoMusicLayout.SONGS_MOOD, EmoMusicLayout.GENRES, EmoMusicLayout.ARTISTS, EmoMusicLayout.YEARS,
            EmoMusicLayout.USER_GROUPS, EmoMusicLayout.EMOTION_MAP, EmoMusicLayout.SONG_META,
            EmoMusicLayout.INDEX_TO_ITEM, EmoMusicLayout.INDEX_TO_USER);

    @TempDir
    Path dir;

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        SyntheticEmoMusic.Config config = SyntheticEmoMusic.Config.defaults().withSeed(42);
        SyntheticEmoMusic.generate(config, dir.resolve("a"));
        SyntheticEmoMusic.generate(config, dir.resolve("b"));
        SyntheticEmoMusic.generate(config.withSeed(43), dir.resolve("c"));
        try (Stream<Path> listing = Files.list(dir.resolve("a"))) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(FILES);
        }
        for (String name : FILES) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(name)));
        }
        assertThat(Files.readAllBytes(dir.resolve("c").resolve(EmoMusicLayout.TRAIN)))
                .isNotEqualTo(Files.readAllBytes(dir.resolve("a").resolve(EmoMusicLayout.TRAIN)));
        assertThat(EmoMusicLoader.load(dir.resolve("a")).fingerprint())
                .isEqualTo(EmoMusicLoader.load(dir.resolve("b")).fingerprint())
                .isNotEqualTo(EmoMusicLoader.load(dir.resolve("c")).fingerprint());
    }

    @Test
    void loadsBackWithTheConfiguredShape() {
        SyntheticEmoMusic.Config config = SyntheticEmoMusic.Config.defaults();
        long start = System.nanoTime();
        SyntheticEmoMusic.Truth truth = SyntheticEmoMusic.generate(config, dir);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        System.out.printf("SyntheticEmoMusic: generated and loaded %s in %d ms%n", data,
                (System.nanoTime() - start) / 1_000_000);

        assertThat(data.numUsers()).isEqualTo(600);
        assertThat(data.numSongs()).isEqualTo(300);
        assertThat(data.numTags()).isEqualTo(20);
        assertThat(data.emotionTags()).startsWith("sad", "happy", "calm").doesNotHaveDuplicates();
        assertThat(data.numGroups()).isEqualTo(4);
        assertThat(data.userGroups()).containsExactly(truth.userGroup());
        assertThat(data.numGenres()).isLessThanOrEqualTo(12);
        assertThat(data.hasSongMetadata()).isTrue();
        assertThat(data.songInfo(5).orElseThrow().genre()).isNotEmpty();
        int total = data.train().size() + data.validation().size();
        // 600 users x 25 on average; each user's count is uniform on 13..37, so the total is within a few hundred
        assertThat(total).isBetween(600 * 25 - 600, 600 * 25 + 600);
        assertThat((double) data.validation().size() / total).isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
        int[] perUser = new int[600];
        for (int u : data.train().users()) {
            perUser[u]++;
        }
        assertThat(java.util.Arrays.stream(perUser).min().getAsInt()).isGreaterThanOrEqualTo(1);
        int peaked = 0;
        for (int s = 0; s < data.numSongs(); s++) {
            double[] mood = data.songMood(s);
            assertThat(java.util.Arrays.stream(mood).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
            peaked += argmax(mood) == truth.songPrimaryMood()[s] ? 1 : 0;
        }
        // the peak (+2.5) loses to one of 8 noisy logits (sd 0.8) about 10% of the time
        assertThat(peaked).isGreaterThan(240);
    }

    @Test
    void plantsGroupSpecificGenreTastes() {
        SyntheticEmoMusic.Truth truth = SyntheticEmoMusic.generate(SyntheticEmoMusic.Config.defaults(), dir);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        int[] genres = data.genres();
        int groups = data.numGroups();
        // share of each group's plays that fall into group k's favoured genres
        double[][] share = new double[groups][groups];
        int[] plays = new int[groups];
        Interactions train = data.train();
        for (int r = 0; r < train.size(); r++) {
            int g = truth.userGroup()[train.users()[r]];
            plays[g]++;
            for (int k = 0; k < groups; k++) {
                for (int fav : truth.groupFavoredGenres()[k]) {
                    share[g][k] += genres[train.items()[r]] == fav ? 1 : 0;
                }
            }
        }
        for (int k = 0; k < groups; k++) {
            for (int g = 0; g < groups; g++) {
                share[g][k] /= plays[g];
            }
        }
        System.out.println("share of plays (row: group) in each group's favoured genres (column): "
                + java.util.Arrays.deepToString(share));
        // with a boost of e^2 per favoured genre a group plays its own favourites far more often than
        // others do (seed 1: 0.40 to 0.75 against at most 0.23, smallest gap 0.36); 0.25 leaves room
        // for the sampling noise of ~3,400 plays per group (standard error below 0.01)
        for (int k = 0; k < groups; k++) {
            for (int g = 0; g < groups; g++) {
                if (g != k) {
                    assertThat(share[k][k] - share[g][k]).as("group %d vs %d on group %d's genres", k, g, k)
                            .isGreaterThan(0.25);
                }
            }
        }
    }

    @Test
    void plantsGroupSpecificEmotionToMoodMeanings() {
        SyntheticEmoMusic.Truth truth = SyntheticEmoMusic.generate(SyntheticEmoMusic.Config.defaults(), dir);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        int sad = data.emotionTags().indexOf("sad");
        int sadness = EmoMusicLayout.MOOD_NAMES.indexOf("Sadness");
        int joy = EmoMusicLayout.MOOD_NAMES.indexOf("Joyful activation");
        assertThat(truth.tagMood()[sad]).isEqualTo(sadness);
        // for "sad" posts, group 0 picks sad-mood songs, group 1 joyful ones
        double[] sadShare = new double[2];
        double[] joyShare = new double[2];
        int[] count = new int[2];
        Interactions train = data.train();
        for (int r = 0; r < train.size(); r++) {
            int g = truth.userGroup()[train.users()[r]];
            if (train.contexts()[r] != sad || g > 1) {
                continue;
            }
            int mood = argmax(data.songMood(train.items()[r]));
            count[g]++;
            sadShare[g] += mood == sadness ? 1 : 0;
            joyShare[g] += mood == joy ? 1 : 0;
        }
        for (int g = 0; g < 2; g++) {
            sadShare[g] /= count[g];
            joyShare[g] /= count[g];
        }
        System.out.printf("sad tag: group 0 picks %.2f sad / %.2f joyful songs; group 1 %.2f / %.2f (n=%d, %d)%n",
                sadShare[0], joyShare[0], sadShare[1], joyShare[1], count[0], count[1]);
        // measured shares are about 0.55 for the planted mood against 0.05 for the other; with
        // ~500 "sad" plays per group the standard error is about 0.02, so a 0.3 margin is safe
        assertThat(Math.min(count[0], count[1])).isGreaterThan(200);
        assertThat(sadShare[0] - sadShare[1]).isGreaterThan(0.3);
        assertThat(joyShare[1] - joyShare[0]).isGreaterThan(0.3);
    }

    @Test
    void refusesABadConfiguration() {
        assertThatThrownBy(() -> new SyntheticEmoMusic.Config(0, 10, 5, 3, 2, 10, 0.1, 1))
                .hasMessageContaining("users must be at least 1, got 0");
        assertThatThrownBy(() -> new SyntheticEmoMusic.Config(10, 10, 5, 3, 2, 10, 1.0, 1))
                .hasMessageContaining("validationFraction");
    }

    @Test
    void supportsMoreTagsAndGenresThanItHasNamesFor() {
        SyntheticEmoMusic.generate(new SyntheticEmoMusic.Config(50, 40, 60, 25, 30, 6, 0.0, 7), dir);
        EmoMusicDataset data = EmoMusicLoader.load(dir);
        assertThat(data.emotionTags()).hasSize(60).doesNotHaveDuplicates().contains("sad-2");
        assertThat(data.validation().size()).isZero();
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            best = v[i] > v[best] ? i : best;
        }
        return best;
    }
}
