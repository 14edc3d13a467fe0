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
    void sumOfSquaresIsTheSumOfTheSquares() {
        try (Graph g = Engines.byName("tape").openInference()) {
            Var x = g.constant(random(7, 9));
            assertClose(g.sumOfSquares(x), g.sum(g.square(x)));
        }
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
    void gaussianLinearIsTheLocalReparameterisation() {
        try (Graph g = Engines.byName("tape").openInference()) {
            Var x = g.constant(random(6, 4));
            Var wm = g.constant(random(4, 3));
            Var ws = g.constant(positive(4, 3));
            Var bm = g.constant(random(3));
            Var bs = g.constant(positive(3));
            Var noise = g.constant(random(6, 3));
            Var mean = g.add(g.matmul(x, wm), bm);
            Var variance = g.add(g.matmul(g.square(x), g.square(ws)), g.square(bs));
            assertClose(g.gaussianLinear(x, wm, ws, bm, bs, noise), g.add(mean, g.mul(g.sqrt(variance), noise)));
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
            assertClose(g.gaussianKl(mp, sp, mq, sq), g.sum(byHand, 1));
            Var zero = g.constant(Tensor.zeros(4, 6));
            Var one = g.scalar(1.0);
            Var standard = g.sub(g.scale(g.add(g.square(sp), g.square(mp)), 0.5), g.addScalar(g.log(sp), 0.5));
            assertClose(g.gaussianKl(mp, sp, zero, one), g.sum(standard, 1));
        }
    }

    @Test
    void gaussianKlSumsLogarithmsOfLongRowsAndExtremeScalesExactly() {
        // 100 entries per row (several chunks of mantissas), scales from 1e-300 to 1e-1.5 (so
        // the logarithms dominate), and a subnormal one: the chunked logarithms must agree with
        // adding every logarithm
        double[] scales = new double[200];
        for (int k = 0; k < scales.length; k++) {
            scales[k] = Math.pow(10, -300 + 1.5 * k);
        }
        scales[7] = Double.MIN_VALUE * 3;
        try (Graph g = Engines.byName("tape").openInference()) {
            Var mp = g.constant(Tensor.zeros(2, 100));
            Var sp = g.constant(Tensor.of(scales, 2, 100));
            Var one = g.scalar(1.0);
            Var zero = g.scalar(0.0);
            double[] fused = g.gaussianKl(mp, sp, zero, one).value().data();
            for (int i = 0; i < 2; i++) {
                double expected = 0;
                for (int k = i * 100; k < (i + 1) * 100; k++) {
                    expected += 0.5 * scales[k] * scales[k] - Math.log(scales[k]) - 0.5;
                }
                assertThat(fused[i]).isCloseTo(expected, within(1e-12 * Math.abs(expected)));
            }
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
