package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ModelGraph;
import org.hdbn.optim.Adam;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.ReferenceInverse;
import org.hdbn.variational.bayes.BayesianDense;
import org.hdbn.variational.elbo.Elbo;
import org.junit.jupiter.api.Test;

/**
 * Bayesian linear regression with a Gaussian prior and known noise has a closed-form posterior:
 * with design {@code Phi = [X, 1]}, precision {@code L = Phi^T Phi / s_n^2 + I / s_0^2} and mean
 * {@code m = L^-1 Phi^T y / s_n^2}. The mean-field Gaussian closest to it in {@code KL(q || p)}
 * (the ELBO's optimum) has exactly the mean m and variances {@code 1 / L_ii}, which are the exact
 * marginal variances {@code (L^-1)_ii} when the features are uncorrelated and smaller otherwise
 * (Bishop 2006, section 10.1.2). A {@link BayesianDense} with one output, trained on the ELBO with
 * sampled (local reparameterisation) gradients, must land there.
 */
class BayesianLinearRegressionTest {

    static final int N = 200;
    static final int D = 3;
    static final double NOISE = 0.5;
    static final double PRIOR = 1.0;

    @Test
    void recoversTheExactPosteriorMeanAndMeanFieldVariances() {
        UniformRandomProvider data = RandomStreams.create(11, "data");
        double[] trueW = {1.0, -2.0, 0.5, 0.3};
        Tensor x = Normal.standardNormal(new int[] {N, D}, data);
        Tensor noise = Normal.standardNormal(new int[] {N, 1}, data);
        double[] y = new double[N];
        for (int n = 0; n < N; n++) {
            y[n] = trueW[D] + NOISE * noise.get(n);
            for (int j = 0; j < D; j++) {
                y[n] += trueW[j] * x.get(n, j);
            }
        }
        // exact posterior over (w_1..w_D, b)
        int p = D + 1;
        double[][] precision = new double[p][p];
        double[] rhs = new double[p];
        for (int n = 0; n < N; n++) {
            double[] phi = new double[p];
            for (int j = 0; j < D; j++) {
                phi[j] = x.get(n, j);
            }
            phi[D] = 1;
            for (int a = 0; a < p; a++) {
                rhs[a] += phi[a] * y[n] / (NOISE * NOISE);
                for (int b = 0; b < p; b++) {
                    precision[a][b] += phi[a] * phi[b] / (NOISE * NOISE);
                }
            }
        }
        for (int a = 0; a < p; a++) {
            precision[a][a] += 1 / (PRIOR * PRIOR);
        }
        double[][] cov = ReferenceInverse.of(precision);
        double[] mean = new double[p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                mean[a] += cov[a][b] * rhs[b];
            }
        }

        String json = Models.json("""
                {'formatVersion': 1, 'name': 'blr',
                 'inputs': {'x': 'features', 'y': 'features'}, 'featureWidths': {'x': 3, 'y': 1},
                 'nodes': {
                   'f': {'type': 'block', 'inputs': ['x'], 'out': 1,
                         'block': {'type': 'bayesian_mlp', 'prior': {'type': 'gaussian', 'scale': 1.0},
                                   'estimator': 'local_reparameterization', 'posteriorRhoInit': -3, 'datasetSize': 'n'}},
                   'lik': {'type': 'gaussian_likelihood', 'prediction': 'f', 'target': 'y', 'noiseScale': 0.5}}}
                """);
        ParameterStore store = new ParameterStore();
        ModelGraph model = Models.build(Models.read(json), store, 5, Map.of("n", N));
        Batch batch = new Batch(Map.of(), Map.of("x", x, "y", Tensor.of(y, N, 1)));
        double[] muSum = new double[p];
        double[] varSum = new double[p];
        int steps = 3000;
        int averaged = 1000;
        Adam adam = new Adam(LearningRateSchedule.staircaseExponential(0.05, 0.5, 500));
        Models.train(model, store, batch, Elbo.standard(), adam, steps, RandomStreams.create(5, "train"), step -> {
            if (step >= steps - averaged) {
                double[] m = values(store, "f/layer0/weight_mu", "f/layer0/bias_mu");
                double[] r = values(store, "f/layer0/weight_rho", "f/layer0/bias_rho");
                for (int a = 0; a < p; a++) {
                    muSum[a] += m[a];
                    double s = Math.log1p(Math.exp(r[a]));
                    varSum[a] += s * s;
                }
            }
        });
        for (int a = 0; a < p; a++) {
            double mu = muSum[a] / averaged;
            double var = varSum[a] / averaged;
            double mfVar = 1 / precision[a][a];
            System.out.printf("BLR coef %d: mu %.5f exact %.5f (|diff|/sd %.3f); var %.3e mean-field %.3e exact %.3e"
                    + " (ratio to mf %.3f, to exact %.3f)%n", a, mu, mean[a], Math.abs(mu - mean[a]) / Math.sqrt(cov[a][a]),
                    var, mfVar, cov[a][a], var / mfVar, var / cov[a][a]);
            // Tolerances: the step size decays to 0.05 / 32 and the last 1000 iterates are
            // averaged, so the Monte Carlo gradient noise leaves the means about 0.005 posterior
            // standard deviations off and the variances within 3% (measured); 0.05 sd and a factor
            // 1.1 give room without admitting a wrong posterior (a missed KL term, a wrong 1/N or
            // a sigma^2 instead of sigma would each be off by far more).
            assertThat(Math.abs(mu - mean[a])).as("posterior mean of coefficient %d", a)
                    .isLessThan(0.05 * Math.sqrt(cov[a][a]));
            assertThat(var / mfVar).as("variance of coefficient %d over the mean-field optimum", a).isBetween(1 / 1.1, 1.1);
            // the features are drawn independently, so the mean-field optimum nearly equals the exact marginal
            assertThat(var / cov[a][a]).as("variance of coefficient %d over the exact marginal", a).isBetween(1 / 1.1, 1.1);
        }
    }

    private static double[] values(ParameterStore store, String weight, String bias) {
        double[] w = store.get(weight).value().data();
        double[] b = store.get(bias).value().data();
        double[] out = new double[w.length + b.length];
        System.arraycopy(w, 0, out, 0, w.length);
        System.arraycopy(b, 0, out, w.length, b.length);
        return out;
    }

}
