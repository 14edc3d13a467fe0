package org.hdbn.smile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hdbn.gate.CentroidGate;
import org.hdbn.gate.FixedGate;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import smile.validation.metric.AdjustedRandIndex;

/**
 * k-means on the genre histograms of EmoMusicLJ users, compared with the groups the HDBN authors
 * released. No threshold: how closely a re-run of k-means matches their run is a measurement,
 * not a property of this code.
 */
class EmoMusicLjGateTest {

    @Test
    void kMeansGroupsOfEmoMusicLjUsersComparedWithThePapers() throws IOException {
        Path dir = EmoMusicLjData.dataDir();
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir.resolve("EmoMusicLJ")),
                "EmoMusicLJ not found: set system property hdbn.data.dir to the emomusiclj folder");
        EmoMusicLjData data = EmoMusicLjData.load(dir.resolve("EmoMusicLJ"));
        assertThat(data.histograms().numEntities()).isEqualTo(15_233);

        long start = System.nanoTime();
        CentroidGate gate = new KMeansGate(50, 2024).fit(data.histograms().rows());
        int[] ours = new int[gate.numEntities()];
        for (int u = 0; u < ours.length; u++) {
            ours[u] = gate.group(u);
        }
        double ari = AdjustedRandIndex.of(data.userToCluster(), ours);
        System.out.printf("EmoMusicLJ: k-means k=50 (seed 2024, 10 restarts) vs user2cluster.npy: ARI = %.4f"
                + " (%d users, %d without training rows, %.1f s)%n", ari, ours.length,
                data.histograms().numMissing(), (System.nanoTime() - start) / 1e9);
        assertThat(ari).isFinite().isBetween(-1.0, 1.0);

        // the paper's own groups as a gate: unseen users are placed by the groups' mean histograms
        FixedGate paper = FixedGate.withCentroidsFrom(data.userToCluster(), data.histograms().rows());
        assertThat(paper.numGroups()).isEqualTo(50);
        assertThat(paper.group(0)).isEqualTo(data.userToCluster()[0]);
    }

    @Test
    void kMeansGroupsOfEmoMusicLjSmallUsersComparedWithThePapers() throws IOException {
        Path dir = EmoMusicLjData.dataDir();
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir.resolve("EmoMusicLJ-small")),
                "EmoMusicLJ-small not found: set system property hdbn.data.dir to the emomusiclj folder");
        EmoMusicLjData data = EmoMusicLjData.load(dir.resolve("EmoMusicLJ-small"));
        assertThat(data.histograms().numEntities()).isEqualTo(3_473);
        CentroidGate gate = new KMeansGate(10, 2024).fit(data.histograms().rows());
        int[] ours = new int[gate.numEntities()];
        for (int u = 0; u < ours.length; u++) {
            ours[u] = gate.group(u);
        }
        double ari = AdjustedRandIndex.of(data.userToCluster(), ours);
        System.out.printf("EmoMusicLJ-small: k-means k=10 (seed 2024, 10 restarts) vs user2cluster.npy:"
                + " ARI = %.4f%n", ari);
        assertThat(ari).isFinite().isBetween(-1.0, 1.0);
    }
}
