package org.hdbn.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;

/**
 * Values of the functions PyTorch's DJL binding has no accurate kernel for, computed from
 * primitives on arrays that record no gradient (the graph attaches the derivative). The binding
 * lacks {@code log1p}, and its {@code softplus} returns {@code x} itself above a threshold of 20,
 * both of which lose the digits the tape engine keeps.
 */
final class StableFunctions {

    private StableFunctions() {
    }

    /**
     * {@code log(1 + x)} accurate for small x, by Goldberg's correction (What Every Computer
     * Scientist Should Know About Floating-Point Arithmetic, 1991, Theorem 4): with
     * {@code u = fl(1 + x)}, {@code log(u) * x / (u - 1)} cancels the rounding of u; where u rounds
     * to 1, {@code log1p(x) = x} to working precision.
     */
    static NDArray log1p(NDArray x) {
        NDArray u = x.add(1);
        NDArray corrected = u.log().mul(x.div(u.sub(1)));
        // u = 1 divides 0 by 0 and u = inf gives inf / inf: both are NaN in the unused branch
        return NDArrays.where(u.eq(1).logicalOr(x.isInfinite()), x, corrected);
    }

    /** {@code log(1 + e^x)} as {@code max(x, 0) + log1p(e^-|x|)}: no overflow, no cancellation. */
    static NDArray softplus(NDArray x) {
        return x.maximum(0).add(log1p(x.abs().neg().exp()));
    }

    /** {@code log sigmoid(x) = -softplus(-x) = min(x, 0) - log1p(e^-|x|)}. */
    static NDArray logSigmoid(NDArray x) {
        return x.minimum(0).sub(log1p(x.abs().neg().exp()));
    }
}
