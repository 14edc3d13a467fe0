package org.hdbn.variational;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.Graph;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.optim.Adam;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.Normal;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.variational.elbo.Elbo;
import org.hdbn.variational.elbo.LinearWarmupKl;
import org.junit.jupiter.api.Test;

/**
 * A VAE made of one {@code gaussian_latent} node (encoder, standard normal prior, decoder
 * reconstructing its input) trained on two generated clusters: without labels, the latent means
 * must separate the clusters. Planted structure: two Gaussian blobs in 8 dimensions whose means
 * are 6 apart along a random direction (unit noise), so the Bayes error is Phi(-3) = 0.13%.
 */
class VaeClusterTest {

    static final int N = 300;
    static final int D = 8;

    @Test
    void latentMeansSeparateTwoClusters() {
        UniformRandomProvider data = RandomStreams.create(21, "data");
        Tensor direction = Normal.standardNormal(new int[] {D}, data);
        double norm = 0;
        for (double v : direction.data()) {
            norm += v * v;
        }
        Tensor x = Normal.standardNormal(new int[] {N, D}, data);
        int[] label = new int[N];
        for (int n = 0; n < N; n++) {
            label[n] = n % 2;
            for (int j = 0; j < D; j++) {
                x.data()[n * D + j] += (label[n] == 0 ? 3 : -3) * direction.get(j) / Math.sqrt(norm);
            }
        }
        String json = Models.json("""
                {'formatVersion': 1, 'name': 'vae', 'inputs': {'x': 'features'}, 'featureWidths': {'x': 8},
                 'nodes': {
                   'z': {'type': 'gaussian_latent', 'inputs': ['x'], 'size': 2,
                         'encoder': {'type': 'mlp', 'hidden': [16], 'activation': 'tanh'},
                         'decoder': {'type': 'mlp', 'hidden': [16], 'activation': 'tanh'},
                         'reconWeight': 0.5}}}
                """);
        ParameterStore store = new ParameterStore();
        ModelGraph model = Models.build(Models.read(json), store, 21, Map.of());
        Batch batch = new Batch(Map.of(), Map.of("x", x));
        // the reconstruction weight 0.5 makes the squared error a unit-variance Gaussian NLL
        Elbo elbo = new Elbo(LinearWarmupKl.of(1.0, 100));
        Models.train(model, store, batch, elbo, new Adam(LearningRateSchedule.constant(0.02)), 400,
                RandomStreams.create(21, "train"), step -> { });

        double[] z;
        try (Graph g = Models.ENGINE.openInference()) {
            z = model.forward(g, batch, ForwardMode.means(), List.of("z")).value("z").value().data().clone();
        }
        double[][] centroid = new double[2][2];
        for (int n = 0; n < N; n++) {
            centroid[label[n]][0] += z[2 * n] / (N / 2.0);
            centroid[label[n]][1] += z[2 * n + 1] / (N / 2.0);
        }
        // project on the line between the centroids: separation in units of the within-cluster spread
        double dx = centroid[1][0] - centroid[0][0];
        double dy = centroid[1][1] - centroid[0][1];
        double len = Math.hypot(dx, dy);
        double[] sumSq = new double[2];
        int correct = 0;
        for (int n = 0; n < N; n++) {
            double mid0 = (z[2 * n] - (centroid[0][0] + centroid[1][0]) / 2) * dx / len;
            double mid1 = (z[2 * n + 1] - (centroid[0][1] + centroid[1][1]) / 2) * dy / len;
            double t = mid0 + mid1;
            if ((t > 0) == (label[n] == 1)) {
                correct++;
            }
            double c = label[n] == 1 ? len / 2 : -len / 2;
            sumSq[label[n]] += (t - c) * (t - c);
        }
        double pooledSd = Math.sqrt((sumSq[0] + sumSq[1]) / (N - 2));
        double accuracy = correct / (double) N;
        System.out.printf("VAE: centroid distance %.3f, within-cluster sd along it %.3f (ratio %.2f), "
                + "nearest-centroid accuracy %.4f%n", len, pooledSd, len / pooledSd, accuracy);
        // a collapsed or unused latent gives accuracy near 0.5 and a ratio near 0; the input's own
        // separation is 6 sd, so a working encoder keeps most of it (measured above)
        assertThat(accuracy).isGreaterThanOrEqualTo(0.97);
        assertThat(len / pooledSd).isGreaterThan(4.0);
    }
}
