package org.hdbn.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.optim.Adam;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Proof that the tape engine, blocks and Adam learn: XOR and a noisy regression, seeded. */
class LearningTest {

    static final AutodiffEngine ENGINE = Engines.byName("tape");

    @Test
    void anMlpLearnsXor() {
        ParameterStore store = new ParameterStore();
        Mlp mlp = new Mlp(store, "xor", 2, new int[] {8}, 1, Activation.TANH, Activation.IDENTITY,
                RandomStreams.create(1));
        Tensor x = Tensor.matrix(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        Tensor sign = Tensor.of(new double[] {-1, 1, 1, -1}, 4, 1); // +1 where XOR is true
        Adam adam = new Adam(LearningRateSchedule.constant(0.05));
        double loss = Double.NaN;
        for (int step = 0; step < 500; step++) {
            try (Graph g = ENGINE.open()) {
                // binary cross-entropy of logits z: -log sigmoid(sign * z)
                Var z = mlp.forward(g, g.constant(x), ForwardMode.means());
                Var l = g.neg(g.mean(g.logSigmoid(g.mul(z, g.constant(sign)))));
                loss = l.value().item();
                g.backward(l);
            }
            adam.step(store.all());
            store.zeroGrads();
        }
        // a perfect classifier drives the loss to 0; chance level is log 2 = 0.69
        assertThat(loss).isLessThan(0.01);
        try (Graph g = ENGINE.openInference()) {
            double[] z = mlp.forward(g, g.constant(x), ForwardMode.means()).value().data();
            assertThat(z[0]).isNegative();
            assertThat(z[1]).isPositive();
            assertThat(z[2]).isPositive();
            assertThat(z[3]).isNegative();
        }
    }

    @Test
    void anMlpFitsANoisySineDownToTheNoiseLevel() {
        UniformRandomProvider rng = RandomStreams.create(2, "data");
        ZigguratSampler.NormalizedGaussian noise = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = 256;
        double sigma = 0.1;
        double[] xs = new double[n];
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = -3 + 6 * rng.nextDouble();
            ys[i] = Math.sin(xs[i]) + sigma * noise.sample();
        }
        Tensor x = Tensor.of(xs, n, 1);
        Tensor y = Tensor.of(ys, n, 1);
        ParameterStore store = new ParameterStore();
        Mlp mlp = new Mlp(store, "reg", 1, new int[] {32, 32}, 1, Activation.TANH, Activation.IDENTITY,
                RandomStreams.create(2, "init"));
        Adam adam = new Adam(LearningRateSchedule.staircaseExponential(0.01, 0.5, 1000));
        double mse = Double.NaN;
        for (int step = 0; step < 2000; step++) {
            try (Graph g = ENGINE.open()) {
                Var l = g.mean(g.square(g.sub(mlp.forward(g, g.constant(x), ForwardMode.means()), g.constant(y))));
                mse = l.value().item();
                g.backward(l);
            }
            adam.step(store.all());
            store.zeroGrads();
        }
        // the noise alone gives an MSE of sigma^2 = 0.01; predicting the mean would give about 0.5
        assertThat(mse).isLessThan(1.5 * sigma * sigma).isGreaterThan(0.5 * sigma * sigma);
    }
}
