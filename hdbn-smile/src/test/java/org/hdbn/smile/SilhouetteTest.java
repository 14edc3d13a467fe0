package org.hdbn.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SilhouetteTest {

    @Test
    void twoPairsByHand() {
        // clusters {0, 1} and {5, 6} on a line:
        // s(0) = (5.5 - 1) / 5.5 = 9/11, s(1) = (4.5 - 1) / 4.5 = 7/9, symmetric for 5 and 6,
        // mean = (9/11 + 7/9) / 2 = 79/99
        double[][] points = {{0}, {1}, {5}, {6}};
        assertThat(Silhouette.mean(points, new int[] {0, 0, 1, 1}, 2)).isCloseTo(79.0 / 99, within(1e-15));
    }

    @Test
    void singletonScoresZeroAndEmptyClustersAreIgnored() {
        // clusters {0, 1}, {5}, and an empty cluster 2: s(0) = (5 - 1)/5, s(1) = (4 - 1)/4, s(5) = 0
        double[][] points = {{0}, {1}, {5}};
        assertThat(Silhouette.mean(points, new int[] {0, 0, 1}, 3)).isCloseTo((0.8 + 0.75) / 3, within(1e-15));
    }

    @Test
    void needsTwoClusters() {
        assertThatThrownBy(() -> Silhouette.mean(new double[][] {{0}, {1}}, new int[] {1, 1}, 2))
                .hasMessage("silhouette needs at least two non-empty clusters, got 1");
    }
}
