package org.hdbn.prob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ServiceLoader;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Core's KL pairs register through the same ServiceLoader file as an extension's. */
class KlProviderTest {

    @Test
    void coresPairsAreFoundThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(KlProvider.class).stream().map(p -> p.type().getSimpleName()))
                .contains("CoreKlPairs");
        try (Graph g = Engines.byName("tape").openInference()) {
            Normal p = new Normal(g.constant(Tensor.of(new double[] {0.5, -1}, 1, 2)),
                    g.constant(Tensor.of(new double[] {1.5, 0.7}, 1, 2)));
            Normal q = Normal.standard(g, 1, 2);
            double installed = KlRegistry.withInstalled().kl(g, p, q, KlEstimate.EXACT, null, 0).value().data()[0];
            double exact = 0;
            double[] mu = {0.5, -1};
            double[] sigma = {1.5, 0.7};
            for (int k = 0; k < 2; k++) {
                exact += 0.5 * (sigma[k] * sigma[k] + mu[k] * mu[k] - 1) - Math.log(sigma[k]);
            }
            assertThat(installed).isCloseTo(exact, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void aPairRegisteredTwiceIsRefused() {
        KlRegistry registry = KlRegistry.withDefaults();
        assertThatThrownBy(() -> new CoreKlPairs().register(registry)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(Normal, Normal) is already registered");
    }
}
