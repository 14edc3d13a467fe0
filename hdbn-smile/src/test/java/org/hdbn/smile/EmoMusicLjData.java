package org.hdbn.smile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hdbn.data.Interactions;
import org.hdbn.gate.EntityFeatures;
import org.hdbn.gate.ItemCategoryHistogram;

/**
 * The EmoMusicLJ pieces the gate tests need: training triples, song genres, the paper's user
 * groups, and the users' genre histograms. Test code only.
 */
record EmoMusicLjData(Interactions train, int[] genres, int[] userToCluster, EntityFeatures histograms) {

    /** The data directory from system property {@code hdbn.data.dir}, or null when absent. */
    static Path dataDir() {
        String dir = System.getProperty("hdbn.data.dir");
        return dir == null || !Files.isDirectory(Path.of(dir)) ? null : Path.of(dir);
    }

    static EmoMusicLjData load(Path folder) throws IOException {
        Interactions train = readTriples(folder.resolve("UI_indexes_train.csv"));
        int[] genres = TestNpy.readInt32(folder.resolve("genres.npy"));
        int[] userToCluster = TestNpy.readInt32(folder.resolve("user2cluster.npy"));
        int numGenres = 0;
        for (int g : genres) {
            numGenres = Math.max(numGenres, g + 1);
        }
        // one user per entry of user2cluster.npy, so users without training rows are kept
        EntityFeatures histograms = new ItemCategoryHistogram(genres, numGenres)
                .build(train, userToCluster.length);
        return new EmoMusicLjData(train, genres, userToCluster, histograms);
    }

    private static Interactions readTriples(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).trim().equals("user_id,song_id,emo_id")) {
            throw new IOException(file + " line 1: expected header user_id,song_id,emo_id");
        }
        int n = lines.size() - 1;
        int[] users = new int[n];
        int[] items = new int[n];
        int[] contexts = new int[n];
        for (int r = 0; r < n; r++) {
            String[] f = lines.get(r + 1).trim().split(",");
            if (f.length != 3) {
                throw new IOException(file + " line " + (r + 2) + ": expected 3 fields");
            }
            users[r] = Integer.parseInt(f[0]);
            items[r] = Integer.parseInt(f[1]);
            contexts[r] = Integer.parseInt(f[2]);
        }
        return new Interactions(users, items, contexts);
    }
}
