package org.hdbn.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.data.Interactions;
import org.hdbn.random.RandomStreams;
import org.hdbn.run.data.CategoryColumn;
import org.hdbn.run.data.EntityIds;
import org.hdbn.run.data.InMemoryDataset;
import org.hdbn.tensor.Tensor;

/**
 * A small data set with planted structure: users in two groups, each group playing only the items
 * of its own block (its own genre, and a one-hot mood row of its own), in any of three contexts.
 * Each user has six training interactions and one validation interaction, all in their block.
 */
final class PlantedData {

    static final int USERS = 40;
    static final int ITEMS = 20;
    static final int CONTEXTS = 3;

    private PlantedData() {
    }

    static InMemoryDataset create(long seed) {
        UniformRandomProvider rng = RandomStreams.create(seed, "planted");
        int block = ITEMS / 2;
        List<int[]> train = new ArrayList<>();
        List<int[]> validation = new ArrayList<>();
        int[] group = new int[USERS];
        for (int u = 0; u < USERS; u++) {
            group[u] = u % 2;
            int[] order = shuffled(block, rng);
            for (int k = 0; k < 7; k++) {
                int[] triple = {u, group[u] * block + order[k], rng.nextInt(CONTEXTS)};
                (k < 6 ? train : validation).add(triple);
            }
        }
        int[] genre = new int[ITEMS];
        double[][] mood = new double[ITEMS][2];
        List<String> labels = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            genre[i] = i / block;
            mood[i][genre[i]] = 1;
            ids.add("item-" + i);
            labels.add("Item number " + i);
        }
        return new InMemoryDataset("planted", null, "sha256:planted-" + seed, EntityIds.numbered(USERS),
                new EntityIds(ids, labels), EntityIds.of(List.of("calm", "happy", "sad")), triples(train),
                triples(validation), null, Map.of("song_mood", Tensor.matrix(mood)),
                Map.of("genre", CategoryColumn.of(genre)), Map.of("group", CategoryColumn.of(group)));
    }

    private static int[] shuffled(int n, UniformRandomProvider rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static Interactions triples(List<int[]> rows) {
        int[] u = new int[rows.size()];
        int[] i = new int[rows.size()];
        int[] c = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            u[r] = rows.get(r)[0];
            i[r] = rows.get(r)[1];
            c[r] = rows.get(r)[2];
        }
        return new Interactions(u, i, c);
    }
}
