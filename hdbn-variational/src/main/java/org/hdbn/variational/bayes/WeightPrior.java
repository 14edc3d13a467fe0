package org.hdbn.variational.bayes;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.hdbn.autodiff.Graph;
import org.hdbn.prob.Distribution;

/**
 * The prior over a Bayesian layer's weights, as the JSON spec names it ({@code type}). It gives a
 * distribution of the weights' shape, independent per entry; the layer takes
 * {@code KL(posterior || prior)} through the {@link org.hdbn.prob.KlRegistry}, so a prior with a
 * registered closed form gets the exact KL and any other gets a Monte Carlo estimate.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public interface WeightPrior {

    /** The prior over a parameter of the given shape (entries independent). */
    Distribution distribution(Graph g, int[] shape);
}
