package org.hdbn.examples.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hdbn.io.AtomicFiles;
import org.hdbn.io.Npy;

/** Writes a {@link SyntheticEmoMusic.Sample} in the EmoMusicLJ layout, each file atomically. */
final class SyntheticFiles {

    private static final int FIRST_USER_ID = 263_589;
    private static final int FIRST_SONG_ID = 1_000_003;

    private SyntheticFiles() {
    }

    static void write(Path dir, SyntheticEmoMusic.Sample sample) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir + ": " + e, e);
        }
        int numSongs = sample.mood().length;
        EmoMusicLayout.TRIPLES.write(dir.resolve(EmoMusicLayout.TRAIN), sample.train());
        EmoMusicLayout.TRIPLES.write(dir.resolve(EmoMusicLayout.VALIDATION), sample.validation());
        // float32 as in the published data, so readers exercise the same conversion
        Npy.writeFloat32(dir.resolve(EmoMusicLayout.SONGS_MOOD), sample.mood());
        Npy.writeInt32(dir.resolve(EmoMusicLayout.GENRES), sample.genres());
        Npy.writeInt32(dir.resolve(EmoMusicLayout.ARTISTS), sample.artists());
        Npy.writeInt32(dir.resolve(EmoMusicLayout.YEARS), sample.years());
        Npy.writeInt32(dir.resolve(EmoMusicLayout.USER_GROUPS), sample.truth().userGroup());

        Map<String, Object> tags = new LinkedHashMap<>();
        for (int t = 0; t < sample.tagNames().size(); t++) {
            tags.put(Integer.toString(t), sample.tagNames().get(t));
        }
        writeJson(dir.resolve(EmoMusicLayout.EMOTION_MAP), tags);

        Map<String, Object> itemIds = new LinkedHashMap<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        for (int s = 0; s < numSongs; s++) {
            String id = Integer.toString(FIRST_SONG_ID + 7 * s);
            itemIds.put(Integer.toString(s), id);
            meta.put(id, List.of("Artist " + sample.artists()[s], "Track " + s,
                    sample.genreNames().get(sample.genres()[s]), Integer.toString(1980 + sample.years()[s])));
        }
        writeJson(dir.resolve(EmoMusicLayout.INDEX_TO_ITEM), itemIds);
        writeJson(dir.resolve(EmoMusicLayout.SONG_META), meta);

        Map<String, Object> userIds = new LinkedHashMap<>();
        for (int u = 0; u < sample.truth().userGroup().length; u++) {
            userIds.put(Integer.toString(u), Integer.toString(FIRST_USER_ID + u));
        }
        writeJson(dir.resolve(EmoMusicLayout.INDEX_TO_USER), userIds);
    }

    private static void writeJson(Path file, Map<String, Object> content) {
        ObjectMapper mapper = new ObjectMapper();
        AtomicFiles.write(file, out -> mapper.writeValue(out, content));
    }
}
