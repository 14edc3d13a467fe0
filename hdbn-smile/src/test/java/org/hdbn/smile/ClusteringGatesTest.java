package org.hdbn.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import org.hdbn.gate.CentroidGate;
import org.hdbn.gate.Gate;
import org.hdbn.graph.SpecMapper;
import org.junit.jupiter.api.Test;
import smile.validation.metric.AdjustedRandIndex;

class ClusteringGatesTest {

    // Centres are 10 standard deviations apart: a point is nearer another blob's centre only
    // with probability about P(N(0,1) > 5) = 3e-7, so a correct fit recovers every label and
    // thresholds below 1 only leave room for an exotic local optimum.
    private static final double SPACING = 10;

    private static int[] groups(Gate gate) {
        int[] g = new int[gate.numEntities()];
        for (int e = 0; e < g.length; e++) {
            g[e] = gate.group(e);
        }
        return g;
    }

    @Test
    void smileAdjustedRandIndexMatchesAHandComputedExample() {
        // contingency [[2,1,0],[0,1,2]]: sum C(n_ij,2) = 2, rows 2*C(3,2) = 6, columns 3*C(2,2) = 3,
        // expected = 6*3/C(6,2) = 1.2, max = (6+3)/2 = 4.5, ARI = (2-1.2)/(4.5-1.2) = 8/33
        double ari = AdjustedRandIndex.of(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2});
        assertThat(ari).isCloseTo(8.0 / 33, within(1e-12));
    }

    @Test
    void kMeansRecoversPlantedBlobs() {
        Blobs blobs = Blobs.generate(new int[] {150, 300, 200, 100, 250}, 4, SPACING, 11);
        CentroidGate gate = new KMeansGate(5, 42).fit(blobs.points());
        assertThat(gate.numGroups()).isEqualTo(5);
        assertThat(AdjustedRandIndex.of(blobs.labels(), groups(gate))).isGreaterThanOrEqualTo(0.95);
        assertThat(gate.provenance()).containsEntry("method", "k-means").containsEntry("k", "5")
                .containsEntry("seed", "42").containsEntry("restarts", "10");
    }

    @Test
    void kMeansIsAFunctionOfTheSeed() {
        Blobs blobs = Blobs.generate(new int[] {100, 100, 100}, 3, 3, 5);
        // blobs only 3 sd apart, so runs can differ; the same seed must still give the same gate
        assertThat(new KMeansGate(6, 7, 2, 100, 1e-4).fit(blobs.points()))
                .isEqualTo(new KMeansGate(6, 7, 2, 100, 1e-4).fit(blobs.points()));
    }

    @Test
    void unseenEntitiesGoToTheNearestCentroidAndEntitiesWithoutFeaturesToTheFallback() {
        Blobs blobs = Blobs.generate(new int[] {150, 300, 200, 100}, 2, SPACING, 3);
        double[][] features = new double[blobs.points().length + 2][];
        System.arraycopy(blobs.points(), 0, features, 0, blobs.points().length);
        int noFeatures1 = blobs.points().length;
        int noFeatures2 = noFeatures1 + 1;
        features[noFeatures1] = new double[2];
        features[noFeatures2] = new double[2];
        CentroidGate gate = new KMeansGate(4, 1).fit(features);
        assertThat(gate.numEntities()).isEqualTo(features.length);

        // blob 1 (300 points) is the largest group, so it is the fallback
        int groupOfBlob1 = gate.group(150);
        assertThat(gate.fallbackGroup()).isEqualTo(groupOfBlob1);
        assertThat(gate.group(noFeatures1)).isEqualTo(groupOfBlob1);
        assertThat(gate.group(noFeatures2)).isEqualTo(groupOfBlob1);
        assertThat(gate.groupForFeatures(new double[2])).isEqualTo(groupOfBlob1);
        assertThat(gate.groupSizes()[groupOfBlob1]).isEqualTo(302);

        // a fresh point at blob c's centre goes to the group of blob c's members
        int[] firstOfBlob = {0, 150, 450, 650};
        for (int c = 0; c < 4; c++) {
            double[] fresh = Blobs.centre(c, 2, SPACING);
            fresh[0] += 0.5;
            assertThat(gate.groupForFeatures(fresh)).isEqualTo(gate.group(firstOfBlob[c]));
        }
        // and the fitted entities agree with their own features
        for (int e = 0; e < blobs.points().length; e++) {
            assertThat(gate.groupForFeatures(features[e])).isEqualTo(gate.group(e));
        }
    }

    @Test
    void xMeansAndGMeansFindTheTrueNumberOfBlobs() {
        Blobs blobs = Blobs.generate(new int[] {200, 300, 250, 200}, 2, SPACING, 17);
        CentroidGate x = SplittingKMeansGate.xmeans(20, 3).fit(blobs.points());
        CentroidGate g = SplittingKMeansGate.gmeans(20, 3).fit(blobs.points());
        assertThat(x.numGroups()).isEqualTo(4);
        assertThat(g.numGroups()).isEqualTo(4);
        assertThat(AdjustedRandIndex.of(blobs.labels(), groups(x))).isGreaterThanOrEqualTo(0.95);
        assertThat(AdjustedRandIndex.of(blobs.labels(), groups(g))).isGreaterThanOrEqualTo(0.95);
        assertThat(x.provenance()).containsEntry("method", "x-means").containsEntry("groups", "4");
    }

    @Test
    void silhouetteSelectsTheTrueNumberOfBlobs() {
        Blobs blobs = Blobs.generate(new int[] {200, 300, 250, 200, 150}, 3, SPACING, 23);
        // subsample of 400 of the 1100 points, to exercise the subsampling path
        SilhouetteSelection.Result r = new SilhouetteSelection(2, 8, 9, 3, 400).select(blobs.points());
        assertThat(r.k()).isEqualTo(5);
        assertThat(r.subsampleSize()).isEqualTo(400);
        assertThat(r.meanSilhouette()).hasSize(7);
        for (int k = 2; k <= 8; k++) {
            assertThat(r.silhouette(k)).isBetween(-1.0, 1.0).isLessThanOrEqualTo(r.silhouette(5));
        }
        assertThat(r.gate().numGroups()).isEqualTo(5);
        assertThat(r.gate().provenance()).containsEntry("selection", "silhouette")
                .containsEntry("silhouette", Double.toString(r.silhouette(5)));
        assertThat(AdjustedRandIndex.of(blobs.labels(), groups(r.gate()))).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void savedGatesReloadWithIdenticalAssignments() throws IOException {
        Blobs blobs = Blobs.generate(new int[] {120, 80, 100}, 3, 4, 31);
        Blobs fresh = Blobs.generate(new int[] {50, 50, 50}, 3, 4, 32);
        Gate[] gates = {
            new KMeansGate(3, 5).fit(blobs.points()),
            SplittingKMeansGate.xmeans(10, 5).fit(blobs.points()),
            SplittingKMeansGate.gmeans(10, 5).fit(blobs.points()),
            new SilhouetteSelection(2, 5, 5, 2, 100).fit(blobs.points())};
        SpecMapper mapper = new SpecMapper();
        for (int i = 0; i < gates.length; i++) {
            // saved as a model saves its fitted resources: through the spec mapper, typed as a Gate
            byte[] json = mapper.objectMapper().writerFor(Gate.class).writeValueAsBytes(gates[i]);
            Gate loaded = mapper.read("gate " + i, new java.io.ByteArrayInputStream(json), Gate.class);
            assertThat(loaded).isEqualTo(gates[i]);
            assertThat(groups(loaded)).containsExactly(groups(gates[i]));
            for (double[] x : fresh.points()) {
                assertThat(loaded.groupForFeatures(x)).isEqualTo(gates[i].groupForFeatures(x));
            }
        }
    }

    @Test
    void rejectsBadConfigurationAndTooFewEntities() {
        assertThatThrownBy(() -> new KMeansGate(1, 0)).hasMessage("k = 1, expected at least 2");
        assertThatThrownBy(() -> new KMeansGate(3, 0, 0, 100, 1e-4))
                .hasMessage("restarts = 0, expected at least 1");
        assertThatThrownBy(() -> new SplittingKMeansGate(SplittingKMeansGate.Rule.X_MEANS, 5, 0, 100, -1))
                .hasMessage("tol = -1.0, expected a positive number");
        assertThatThrownBy(() -> new SilhouetteSelection(4, 3, 0))
                .hasMessage("kmax = 3, expected at least 4");
        double[][] fewFeatured = {{1, 2}, {0, 0}, {3, 1}, {0, 0}};
        assertThatThrownBy(() -> new KMeansGate(3, 0).fit(fewFeatured))
                .hasMessage("k-means with k = 3 needs at least 3 entities with features (non-zero rows), got 2 of 4");
        assertThatThrownBy(() -> new KMeansGate(2, 0).fit(new double[][] {{1, 2}, {1}}))
                .hasMessage("features row 1: length 1, expected 2 (the length of the first row)");
    }
}
