package org.hdbn.variational.bayes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.SpecException;
import org.hdbn.prob.Distribution;

/**
 * The scale mixture of two zero-mean Gaussians of Blundell et al. 2015 ("Weight Uncertainty in
 * Neural Networks", eq. 7): {@code pi N(0, sigma1^2) + (1 - pi) N(0, sigma2^2)}, a heavy-tailed
 * prior (sigma1 large, sigma2 small) that still pulls most weights to zero. It has no closed-form
 * KL against a Gaussian, so the layer estimates that KL by Monte Carlo.
 *
 * @param pi      the weight of the first component; default 0.5
 * @param sigma1  the first component's standard deviation; default 1 ({@code e^0})
 * @param sigma2  the second component's standard deviation; default {@code e^-6}
 */
@JsonClassDescription("weight prior: pi N(0, sigma1^2) + (1 - pi) N(0, sigma2^2) (Blundell et al. 2015); Monte Carlo KL")
public record ScaleMixturePrior(Double pi, Double sigma1, Double sigma2) implements WeightPrior {

    public ScaleMixturePrior {
        pi = pi == null ? 0.5 : pi;
        sigma1 = sigma1 == null ? 1.0 : sigma1;
        sigma2 = sigma2 == null ? Math.exp(-6) : sigma2;
        if (!(pi > 0 && pi < 1)) {
            throw new SpecException("scale_mixture prior: field pi must be in (0, 1), got " + pi);
        }
        if (!(sigma1 > 0) || !(sigma2 > 0) || Double.isInfinite(sigma1) || Double.isInfinite(sigma2)) {
            throw new SpecException("scale_mixture prior: fields sigma1 and sigma2 must be positive and finite, got "
                    + sigma1 + " and " + sigma2);
        }
    }

    public static ScaleMixturePrior of(double pi, double sigma1, double sigma2) {
        return new ScaleMixturePrior(pi, sigma1, sigma2);
    }

    @Override
    public Distribution distribution(Graph g, int[] shape) {
        return new ScaleMixtureNormal(shape, pi, sigma1, sigma2);
    }
}
