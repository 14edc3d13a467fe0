package org.hdbn.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CentroidGateTest {

    private static final double[][] CENTROIDS = {{0, 0}, {10, 0}, {0, 10}};

    @Test
    void unseenFeaturesGoToTheNearestCentroid() {
        CentroidGate gate = new CentroidGate(CENTROIDS, new int[] {0, 1, 1, 2}, Map.of());
        assertThat(gate.groupForFeatures(new double[] {1, 1})).isEqualTo(0);
        assertThat(gate.groupForFeatures(new double[] {9, -3})).isEqualTo(1);
        assertThat(gate.groupForFeatures(new double[] {2, 7})).isEqualTo(2);
        // (5, 0) is equally far from groups 0 and 1: the lower id wins
        assertThat(gate.groupForFeatures(new double[] {5, 0})).isEqualTo(0);
    }

    @Test
    void allZeroFeaturesGoToTheLargestGroup() {
        CentroidGate gate = new CentroidGate(CENTROIDS, new int[] {0, 1, 1, 2, 2, 1}, Map.of());
        assertThat(gate.groupSizes()).containsExactly(1, 3, 2);
        assertThat(gate.fallbackGroup()).isEqualTo(1);
        // (0, 0) is exactly centroid 0, but it means "no features"
        assertThat(gate.groupForFeatures(new double[] {0, 0})).isEqualTo(1);
    }

    @Test
    void fromCentroidsAssignsNearestAndSendsEntitiesWithoutFeaturesToTheFallback() {
        double[][] features = {{1, 0}, {9, 1}, {0, 0}, {11, 0}, {1, 9}, {0, 0}};
        CentroidGate gate = CentroidGate.fromCentroids(FeatureRows.of(features), CENTROIDS,
                Map.of("method", "test"));
        // featured entities: 0 -> 0, 1 -> 1, 3 -> 1, 4 -> 2; largest is group 1
        assertThat(gate.assignments()).containsExactly(0, 1, 1, 1, 2, 1);
        assertThat(gate.fallbackGroup()).isEqualTo(1);
        assertThat(gate.numEntities()).isEqualTo(6);
        assertThat(gate.numGroups()).isEqualTo(3);
        assertThat(gate.provenance()).containsEntry("method", "test");
        for (int e = 0; e < features.length; e++) {
            assertThat(gate.group(e)).isEqualTo(gate.groupForFeatures(features[e]));
        }
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> new CentroidGate(CENTROIDS, new int[] {0, 3}, Map.of()))
                .hasMessage("assignments[1] = 3 is outside [0, 3)");
        assertThatThrownBy(() -> new CentroidGate(new double[][] {{0, 0}, {1}}, new int[0], Map.of()))
                .hasMessageContaining("centroids row 1: length 1, expected 2");
        assertThatThrownBy(() -> new CentroidGate(new double[][] {{0, Double.NaN}}, new int[0], Map.of()))
                .hasMessageContaining("centroids row 0, column 1: NaN is not finite");
        CentroidGate gate = new CentroidGate(CENTROIDS, new int[] {0}, Map.of());
        assertThatThrownBy(() -> gate.groupForFeatures(new double[] {1, 2, 3}))
                .hasMessage("features: length 3, expected 2");
        assertThatThrownBy(() -> gate.groupForFeatures(new double[] {1, Double.POSITIVE_INFINITY}))
                .hasMessage("features[1] = Infinity is not finite");
        assertThatThrownBy(() -> gate.group(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void isImmutable() {
        double[][] centroids = {{0, 0}, {10, 0}};
        int[] assignments = {0, 1};
        CentroidGate gate = new CentroidGate(centroids, assignments, Map.of());
        centroids[1][0] = -10;
        assignments[1] = 0;
        gate.groupSizes()[0] = 99;
        gate.centroids()[0][0] = 5;
        assertThat(gate.group(1)).isEqualTo(1);
        assertThat(gate.groupSizes()).containsExactly(1, 1);
        assertThat(gate.groupForFeatures(new double[] {9, 0})).isEqualTo(1);
    }
}
