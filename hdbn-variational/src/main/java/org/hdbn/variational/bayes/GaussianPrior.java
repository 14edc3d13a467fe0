package org.hdbn.variational.bayes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.SpecException;
import org.hdbn.prob.Distribution;
import org.hdbn.prob.Normal;

/**
 * A zero-mean Gaussian prior {@code N(0, scale^2)} on every weight; its KL against the Gaussian
 * posterior is closed form.
 *
 * @param scale  the prior standard deviation; default 1
 */
@JsonClassDescription("weight prior: zero-mean Gaussian N(0, scale^2); closed-form KL")
public record GaussianPrior(Double scale) implements WeightPrior {

    public GaussianPrior {
        scale = scale == null ? 1.0 : scale;
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new SpecException("gaussian prior: field scale must be positive and finite, got " + scale);
        }
    }

    public static GaussianPrior of(double scale) {
        return new GaussianPrior(scale);
    }

    @Override
    public Distribution distribution(Graph g, int[] shape) {
        return new Normal(g.scalar(0.0), g.scalar(scale), shape);
    }
}
