package org.hdbn.examples.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hdbn.data.Interactions;
import org.hdbn.io.Npy;

/**
 * Writes a subset of a full-layout folder the way EmoMusicLJ-small was published, quirk included:
 * its songs_mood.npy holds the full set's first rows instead of its songs' rows.
 */
final class SubsetWriter {

    private SubsetWriter() {
    }

    static Path write(Path full, Path sub, int[] toFull) throws Exception {
        Files.createDirectories(sub);
        EmoMusicDataset data = EmoMusicLoader.load(full);
        int[] fullToSub = new int[data.numSongs()];
        Arrays.fill(fullToSub, -1);
        Map<String, Object> songMap = new LinkedHashMap<>();
        for (int s = 0; s < toFull.length; s++) {
            fullToSub[toFull[s]] = s;
            songMap.put(Integer.toString(s), toFull[s]);
        }
        EmoMusicLayout.TRIPLES.write(sub.resolve(EmoMusicLayout.TRAIN), restrict(data.train(), fullToSub));
        EmoMusicLayout.TRIPLES.write(sub.resolve(EmoMusicLayout.VALIDATION), restrict(data.validation(), fullToSub));
        Npy.writeFloat32(sub.resolve(EmoMusicLayout.SONGS_MOOD), Arrays.copyOf(data.songMood(), toFull.length));
        Npy.writeInt32(sub.resolve(EmoMusicLayout.GENRES), pick(data.genres(), toFull));
        Npy.writeInt32(sub.resolve(EmoMusicLayout.ARTISTS), pick(data.artists(), toFull));
        Npy.writeInt32(sub.resolve(EmoMusicLayout.YEARS), pick(data.years(), toFull));
        Npy.writeInt32(sub.resolve(EmoMusicLayout.USER_GROUPS), data.userGroups());
        new ObjectMapper().writeValue(sub.resolve(EmoMusicLayout.SONG_SUBSET_TO_FULL).toFile(), songMap);
        Files.copy(full.resolve(EmoMusicLayout.SONG_META), sub.resolve(EmoMusicLayout.SONG_META));
        // as published, the emotion map sits in the common parent
        Files.copy(full.resolve(EmoMusicLayout.EMOTION_MAP), sub.getParent().resolve(EmoMusicLayout.EMOTION_MAP));
        return sub;
    }

    private static Interactions restrict(Interactions all, int[] fullToSub) {
        int[] rows = java.util.stream.IntStream.range(0, all.size()).filter(r -> fullToSub[all.items()[r]] >= 0)
                .toArray();
        Interactions kept = all.select(rows);
        int[] items = Arrays.stream(kept.items()).map(i -> fullToSub[i]).toArray();
        return new Interactions(kept.users(), items, kept.contexts());
    }

    private static int[] pick(int[] values, int[] index) {
        return Arrays.stream(index).map(i -> values[i]).toArray();
    }
}
