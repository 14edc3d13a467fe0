package org.hdbn.variational.bayes;

import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.prob.Normal;

/**
 * Plain reparameterisation (Blundell et al. 2015): one weight sample {@code W = mu + sigma * eps}
 * and one bias sample per pass, shared by every row of the batch. Cheapest, but the rows' noise
 * is fully correlated, so averaging over the batch does not reduce the gradient's variance.
 */
public final class Reparameterization implements Estimator {

    @Override
    public Var linear(Graph g, Var x, GaussianWeights w, UniformRandomProvider rng) {
        Var weight = g.add(w.weightMean(), g.mul(w.weightScale(), g.constant(Normal.standardNormal(w.weightMean().shape(), rng))));
        Var bias = g.add(w.biasMean(), g.mul(w.biasScale(), g.constant(Normal.standardNormal(w.biasMean().shape(), rng))));
        return g.linear(x, weight, bias);
    }
}
