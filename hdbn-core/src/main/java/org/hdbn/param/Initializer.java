package org.hdbn.param;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.hdbn.tensor.Tensor;

/** Fills a new parameter's value; every random draw comes from the stream passed in. */
@FunctionalInterface
public interface Initializer {

    void fill(Tensor value, UniformRandomProvider rng);

    static Initializer zeros() {
        return constant(0.0);
    }

    static Initializer constant(double c) {
        return (value, rng) -> java.util.Arrays.fill(value.data(), c);
    }

    /** Normal with mean 0 and the given standard deviation. */
    static Initializer normal(double std) {
        return (value, rng) -> {
            ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(rng);
            double[] d = value.data();
            for (int k = 0; k < d.length; k++) {
                d[k] = std * g.sample();
            }
        };
    }

    /** Uniform on {@code [-a, a]}. */
    static Initializer uniform(double a) {
        return (value, rng) -> {
            double[] d = value.data();
            for (int k = 0; k < d.length; k++) {
                d[k] = a * (2 * rng.nextDouble() - 1);
            }
        };
    }

    /** Glorot/Xavier uniform for a {@code [fanIn, fanOut]} matrix (Glorot and Bengio 2010). */
    static Initializer glorotUniform() {
        return (value, rng) -> {
            int fanIn = value.rank() == 2 ? value.rows() : 1;
            int fanOut = value.cols();
            uniform(Math.sqrt(6.0 / (fanIn + fanOut))).fill(value, rng);
        };
    }
}
