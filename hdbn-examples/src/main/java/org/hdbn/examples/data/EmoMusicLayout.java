package org.hdbn.examples.data;

import java.util.List;
import org.hdbn.io.TriplesCsv;

/**
 * File names and formats of the EmoMusicLJ layout as the HDBN authors published it
 * (github.com/jingrk/HDBN, folder {@code data/}), shared by {@link EmoMusicLoader} and
 * {@link SyntheticEmoMusic}.
 */
public final class EmoMusicLayout {

    public static final String TRAIN = "UI_indexes_train.csv";
    public static final String VALIDATION = "UI5_index_validation.csv";
    public static final String SONGS_MOOD = "songs_mood.npy";
    public static final String GENRES = "genres.npy";
    public static final String ARTISTS = "artists.npy";
    public static final String YEARS = "years.npy";
    public static final String USER_GROUPS = "user2cluster.npy";
    /** {@code {"0": "accomplished", ...}}: emotion tag index to name; in the dataset folder or its parent. */
    public static final String EMOTION_MAP = "emotion_map.json";
    /** {@code {original_song_id: [artist, title, genre, year]}}. */
    public static final String SONG_META = "song_meta_info.json";
    /** Full set: song index to original song id. */
    public static final String INDEX_TO_ITEM = "index2itemID.json";
    /** Full set: user index to original user id. */
    public static final String INDEX_TO_USER = "index2userID.json";
    /** Subset: its song index to the full set's song index. */
    public static final String SONG_SUBSET_TO_FULL = "song_index_small2large.json";
    /** Subset: its user index to the full set's user index. */
    public static final String USER_SUBSET_TO_FULL = "user_index_small2large.json";
    /** Name of the full set's folder, the sibling of a subset's folder. */
    public static final String FULL_SET_FOLDER = "EmoMusicLJ";

    /** The triples files' header: {@code user_id,song_id,emo_id}. */
    public static final TriplesCsv TRIPLES = new TriplesCsv("user_id", "song_id", "emo_id");

    /** The 9 song mood dimensions (the GEMS categories of the Emotify data), in column order. */
    public static final List<String> MOOD_NAMES = List.of("Amazement", "Solemnity", "Tenderness", "Nostalgia",
            "Calmness", "Power", "Joyful activation", "Tension", "Sadness");

    /** Number of song mood dimensions. */
    public static final int MOODS = 9;

    private EmoMusicLayout() {
    }
}
