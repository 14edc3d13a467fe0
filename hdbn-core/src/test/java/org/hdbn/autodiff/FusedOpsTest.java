package org.hdbn.autodiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.GradientCheck;
import org.junit.jupiter.api.Test;

/**
 * The tape's fused ops give the values of the compositions they replace (written out here from
 * primitives); {@link OpGradientTest} checks their gradients.
 */
class FusedOpsTest {

    /** Sums of a few dozen products in another order differ by round-off only. */
    static final double TOLERANCE = 1e-12;

    final UniformRandomProvider rng = RandomStreams.create(21);

    Tensor random(int... shape) {
        return GradientCheck.randomLike(shape, rng);
    }

    Tensor positive(int... shape) {
        Tensor t = random(shape);
        double[] d = t.data();
        for (int k = 0; k < d.length; k++) {
            d[k] = 0.2 + Math.abs(d[k]);
        }
        return t;
    }

    @Test
    void linearIsAProductPlusABias() {
        try (Graph g = Engines.byName("tape").openInference()) {
            Var x = g.constant(random(7, 5));
            Var w = g.constant(random(5, 3));
            Var b = g.constant(random(3));
            assertClose(g.linear(x, w, b), g.add(g.matmul(x, w), b));
        }
    }

    @Test
    void gaussianKlIsTheClosedForm() {
        try (Graph g = Engines.byName("tape").openInference()) {
            Var mp = g.constant(random(4, 6));
            Var sp = g.constant(positive(4, 6));
            Var mq = g.constant(random(4, 6));
            Var sq = g.constant(positive(4, 6));
            Var ratio = g.div(sp, sq);
            Var diff = g.div(g.sub(mp, mq), sq);
            Var byHand = g.sub(g.scale(g.add(g.square(ratio), g.square(diff)), 0.5), g.addScalar(g.log(ratio), 0.5));
            assertClose(g.gaussianKl(mp, sp, mq, sq), byHand);
            Var zero = g.constant(Tensor.zeros(4, 6));
            Var one = g.scalar(1.0);
            Var standard = g.sub(g.scale(g.add(g.square(sp), g.square(mp)), 0.5), g.addScalar(g.log(sp), 0.5));
            assertClose(g.gaussianKl(mp, sp, zero, one), standard);
        }
    }

    @Test
    void bprLossIsTheMeanNegativeLogSigmoidOfScoreDifferences() {
        int b = 3;
        int n = 4;
        Tensor q = random(b, 5);
        Tensor c = random(b + b * n, 5);
        double expected = 0;
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < n; j++) {
                double x = 0;
                for (int k = 0; k < 5; k++) {
                    x += q.data()[i * 5 + k] * (c.data()[i * 5 + k] - c.data()[(b + i * n + j) * 5 + k]);
                }
                expected += Math.log1p(Math.exp(-x));
            }
        }
        try (Graph g = Engines.byName("tape").openInference()) {
            assertThat(g.bprLoss(g.constant(q), g.constant(c)).value().item()).isCloseTo(expected / (b * n),
                    within(TOLERANCE));
        }
    }

    private static void assertClose(Var fused, Var composed) {
        assertThat(fused.shape()).isEqualTo(composed.shape());
        double[] f = fused.value().data();
        double[] c = composed.value().data();
        for (int k = 0; k < f.length; k++) {
            assertThat(f[k]).as("entry %d", k).isCloseTo(c[k], within(TOLERANCE));
        }
    }
}
