package org.hdbn.variational.predict;

import java.util.Arrays;
import java.util.List;
import org.hdbn.tensor.Tensor;

/**
 * A Monte Carlo predictive summary, entry by entry of the output: the mean and variance over the
 * passes and the empirical quantiles at the asked levels.
 *
 * @param samples    the number of passes S
 * @param mean       the mean over passes, the output's shape
 * @param variance   the variance over passes with divisor S (0 for S = 1), the output's shape
 * @param levels     the quantile levels, in the order asked
 * @param quantiles  one tensor per level, the output's shape
 */
public record McPrediction(int samples, Tensor mean, Tensor variance, double[] levels, List<Tensor> quantiles) {

    public McPrediction {
        levels = levels.clone();
        quantiles = List.copyOf(quantiles);
        if (levels.length != quantiles.size()) {
            throw new IllegalArgumentException(levels.length + " levels but " + quantiles.size() + " quantile tensors");
        }
    }

    @Override
    public double[] levels() {
        return levels.clone();
    }

    /** The quantile tensor for a level that was asked for. */
    public Tensor quantile(double level) {
        for (int i = 0; i < levels.length; i++) {
            if (levels[i] == level) {
                return quantiles.get(i);
            }
        }
        throw new IllegalArgumentException("quantile " + level + " was not computed; levels: " + Arrays.toString(levels));
    }
}
