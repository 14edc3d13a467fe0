package org.hdbn.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.graph.Batch;
import org.hdbn.random.RandomStreams;
import org.junit.jupiter.api.Test;

class PairwiseBatchesTest {

    // 40 positives of 8 users over 30 items; users 0-3 are group 0, users 4-7 group 1
    static Interactions train() {
        int n = 40;
        int[] u = new int[n];
        int[] i = new int[n];
        int[] c = new int[n];
        for (int r = 0; r < n; r++) {
            u[r] = r % 8;
            i[r] = (r * 7) % 30;
            c[r] = r % 3;
        }
        return new Interactions(u, i, c);
    }

    static final int[] GROUPS = {0, 0, 0, 0, 1, 1, 1, 1};

    static List<Batch> epoch(PairwiseBatches b, long seed) {
        List<Batch> out = new ArrayList<>();
        Iterator<Batch> it = b.epoch(RandomStreams.create(seed));
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void everyPositiveOncePerEpochWithUnseenNegativesAfterThePositives() {
        Interactions t = train();
        SeenItems seen = SeenItems.of(t);
        PairwiseBatches b = new PairwiseBatches(t, seen, 30, 16, 3, BatchColumns.DEFAULT, null);
        List<Batch> batches = epoch(b, 1);
        assertThat(batches).hasSize(b.batchesPerEpoch()).hasSize(3);
        List<String> positives = new ArrayList<>();
        for (Batch batch : batches) {
            int[] users = batch.index("user");
            int[] cand = batch.index("candidate");
            assertThat(cand).hasSize(users.length * 4);
            for (int k = 0; k < users.length; k++) {
                positives.add(users[k] + ":" + cand[k] + ":" + batch.index("context")[k]);
                for (int j = 0; j < 3; j++) {
                    assertThat(seen.contains(users[k], cand[users.length + 3 * k + j])).isFalse();
                }
            }
        }
        List<String> expected = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            expected.add(t.users()[r] + ":" + t.items()[r] + ":" + t.contexts()[r]);
        }
        assertThat(positives).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void groupBatchesHoldOneGroupEachAndCoverTheSamePositives() {
        Interactions t = train();
        PairwiseBatches b = new PairwiseBatches(t, SeenItems.of(t), 30, 6, 1, BatchColumns.DEFAULT, GROUPS);
        int rows = 0;
        for (Batch batch : epoch(b, 2)) {
            int[] users = batch.index("user");
            assertThat(Arrays.stream(users).map(u -> GROUPS[u]).distinct().count()).isEqualTo(1);
            rows += users.length;
        }
        assertThat(rows).isEqualTo(t.size());
    }

    @Test
    void theSameSeedGivesTheSameEpochAndAnotherSeedAnother() {
        Interactions t = train();
        PairwiseBatches b = new PairwiseBatches(t, SeenItems.of(t), 30, 16, 2, BatchColumns.DEFAULT, null);
        assertThat(epoch(b, 5).get(0).index("candidate")).containsExactly(epoch(b, 5).get(0).index("candidate"));
        assertThat(epoch(b, 5).get(0).index("candidate")).isNotEqualTo(epoch(b, 6).get(0).index("candidate"));
    }
}
