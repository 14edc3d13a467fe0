package org.hdbn.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FixedAndSingleGateTest {

    @Test
    void fixedGateKeepsTheGivenAssignment() {
        FixedGate gate = new FixedGate(new int[] {2, 0, 2, 2, 1});
        assertThat(gate.numGroups()).isEqualTo(3);
        assertThat(gate.numEntities()).isEqualTo(5);
        assertThat(gate.group(0)).isEqualTo(2);
        assertThat(gate.group(4)).isEqualTo(1);
        assertThat(gate.groupSizes()).containsExactly(1, 1, 3);
        assertThat(gate.fallbackGroup()).isEqualTo(2);
        // no centroids: every unseen entity goes to the fallback group
        assertThat(gate.hasCentroids()).isFalse();
        assertThat(gate.groupForFeatures(new double[] {0.3, 0.7})).isEqualTo(2);
    }

    @Test
    void fixedGateCentroidsAreMeansOfMembersWithFeatures() {
        int[] assignment = {0, 0, 1, 1, 0, 2};
        double[][] features = {
            {1.0, 0.0}, {0.5, 0.5}, {0.0, 1.0}, {0.0, 0.0}, {0.0, 0.0}, {0.0, 0.0}};
        FixedGate gate = FixedGate.withCentroidsFrom(assignment, features);
        double[][] c = gate.centroids();
        // group 0: mean of (1, 0) and (0.5, 0.5); entity 4 has no features and is left out
        assertThat(c[0]).containsExactly(0.75, 0.25);
        // group 1: only entity 2 has features
        assertThat(c[1]).containsExactly(0.0, 1.0);
        // group 2: no member with features, so no centroid
        assertThat(c[2]).isNull();
        // entities keep their given groups, with or without features
        assertThat(gate.group(3)).isEqualTo(1);
        assertThat(gate.group(5)).isEqualTo(2);
        assertThat(gate.groupForFeatures(new double[] {0.9, 0.1})).isEqualTo(0);
        assertThat(gate.groupForFeatures(new double[] {0.1, 0.9})).isEqualTo(1);
        assertThat(gate.groupForFeatures(new double[] {0, 0})).isEqualTo(gate.fallbackGroup())
                .isEqualTo(0);
    }

    @Test
    void fixedGateRejectsBadInput() {
        assertThatThrownBy(() -> new FixedGate(new int[] {0, -1}))
                .hasMessage("assignments[1] = -1 is negative");
        assertThatThrownBy(() -> new FixedGate(new int[] {0, 2}, 2, null))
                .hasMessage("assignments[1] = 2 is outside [0, 2)");
        assertThatThrownBy(() -> new FixedGate(new int[] {0, 1}, 2, new double[][] {{1.0}}))
                .hasMessage("centroids: 1 rows, expected 2 (one per group)");
        assertThatThrownBy(() -> FixedGate.withCentroidsFrom(new int[] {0, 1}, new double[][] {{1.0}}))
                .hasMessage("features: 1 rows, but the assignment covers 2 entities");
    }

    @Test
    void singleGatePutsEveryoneInGroupZero() {
        SingleGate gate = new SingleGate(4);
        assertThat(gate.numGroups()).isEqualTo(1);
        assertThat(gate.group(3)).isZero();
        assertThat(gate.groupForFeatures(new double[] {0.2, 0.8, 0})).isZero();
        assertThat(gate.groupForFeatures(new double[] {0})).isZero();
        assertThat(gate.fallbackGroup()).isZero();
        assertThat(gate.groupSizes()).containsExactly(4);
        assertThatThrownBy(() -> gate.group(4)).isInstanceOf(IndexOutOfBoundsException.class);
        Gate fitted = SingleGate.fitter().fit(new double[][] {{1, 0}, {0, 0}, {0, 1}});
        assertThat(fitted).isEqualTo(new SingleGate(3));
    }
}
