package org.hdbn.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.Batch;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.ForwardContext;
import org.hdbn.graph.GraphSpec;
import org.hdbn.graph.InputKind;
import org.hdbn.graph.LatentNode;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.param.ParameterStore;
import org.hdbn.prob.Distribution;
import org.hdbn.prob.KlRegistry;
import org.hdbn.prob.Normal;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Latent health on a constructed graph whose posterior and categorical outputs are fixed per user
 * (4 users, each queried twice):
 * <pre>
 * user   posterior mean   scale       categorical row
 *  0      (-1, 0)        (0.5, 1)    (1, 0, 0)
 *  1      ( 1, 0.1)      (0.5, 1)    (1/3, 1/3, 1/3)
 *  2      (-1, 0)        (0.5, 1)    (1, 0, 0)
 *  3      ( 1, 0.1)      (0.5, 1)    (1/3, 1/3, 1/3)
 * </pre>
 * Prior N(0, 1). Dimension 0: the mean varies with variance 1 (active) and KL = ln 2 + (0.25 + 1)/2
 * - 1/2 for every query. Dimension 1: variance 0.0025 (inactive, below 0.01) and KL = mu^2 / 2,
 * mean 0.0025. The categorical rows have entropy 0 and ln 3.
 */
class LatentHealthTest {

    private static final double[][] MU = {{-1, 0}, {1, 0.1}, {-1, 0}, {1, 0.1}};
    private static final double[][] ROWS = {{1, 0, 0}, {1 / 3.0, 1 / 3.0, 1 / 3.0}, {1, 0, 0}, {1 / 3.0, 1 / 3.0, 1 / 3.0}};

    /** Output rows looked up by user. */
    private static Var perUser(ForwardContext f, double[][] table) {
        int[] users = f.indices("user");
        double[] v = new double[users.length * table[0].length];
        for (int r = 0; r < users.length; r++) {
            System.arraycopy(table[users[r]], 0, v, r * table[0].length, table[0].length);
        }
        return f.graph().constant(Tensor.of(v, users.length, table[0].length));
    }

    private static final class FixedLatent implements LatentNode {
        @Override
        public int outputDim() {
            return 2;
        }

        @Override
        public NodeOutput forward(ForwardContext f) {
            Var mu = perUser(f, MU);
            double[] scale = new double[mu.rows() * 2];
            for (int r = 0; r < mu.rows(); r++) {
                scale[2 * r] = 0.5;
                scale[2 * r + 1] = 1;
            }
            Normal q = new Normal(mu, f.graph().constant(Tensor.of(scale, mu.rows(), 2)));
            return new NodeOutput(mu, q);
        }

        @Override
        public Distribution prior(ForwardContext f, Distribution posterior) {
            return Normal.standard(f.graph(), posterior.shape());
        }
    }

    private static NodeSpec spec(List<String> inputs, java.util.function.Function<BuildContext, Node> build) {
        return new NodeSpec() {
            @Override
            public List<String> inputs() {
                return inputs;
            }

            @Override
            public Node build(BuildContext ctx) {
                return build.apply(ctx);
            }
        };
    }

    private static ModelGraph graph() {
        Map<String, NodeSpec> nodes = new java.util.LinkedHashMap<>();
        nodes.put("z", spec(List.of("user"), ctx -> new FixedLatent()));
        nodes.put("p", spec(List.of("user"), ctx -> Node.of(3, true, f -> NodeOutput.of(perUser(f, ROWS)))));
        nodes.put("unused", spec(List.of("user"), ctx -> Node.of(3, true, f -> NodeOutput.of(perUser(f, ROWS)))));
        nodes.put("q", spec(List.of("z", "p"), ctx -> Node.of(5, f -> {
            Graph g = f.graph();
            return NodeOutput.of(g.concat(f.value("z"), f.value("p")));
        })));
        GraphSpec spec = new GraphSpec(GraphSpec.FORMAT_VERSION, "t", Map.of("user", InputKind.INDEX), null, nodes);
        return ModelGraph.build(spec, new BuildContext(new ParameterStore(), 1, Map.of(), Map.of(), Map.of()),
                KlRegistry.withDefaults());
    }

    @Test
    void klPerDimensionActiveUnitsAndEntropyByHand() {
        int[] users = {0, 1, 2, 3, 3, 2, 1, 0};
        LatentHealth.Report r = LatentHealth.measure(graph(), Engines.defaultEngine(), List.of("q"), users.length, 3,
                from -> Batch.ofIndices(Map.of("user", java.util.Arrays.copyOfRange(users, from,
                        Math.min(users.length, from + 3)))));
        assertThat(r.queries()).isEqualTo(8);
        assertThat(r.latents()).hasSize(1);
        LatentHealth.Latent z = r.latents().get(0);
        assertThat(z.node()).isEqualTo("z");
        assertThat(z.meanVariance()).containsExactly(new double[] {1.0, 0.0025}, within(1e-12));
        assertThat(z.activeUnits()).isEqualTo(1);
        double kl0 = Math.log(2) + (0.25 + 1) / 2 - 0.5;
        assertThat(z.klPerDimension()).containsExactly(new double[] {kl0, 0.0025}, within(1e-12));
        assertThat(z.kl()).isCloseTo(kl0 + 0.0025, within(1e-12));

        // only the categorical node the target needs: 'unused' is not reported
        assertThat(r.categoricals()).extracting(LatentHealth.Categorical::node).containsExactly("p");
        LatentHealth.Categorical p = r.categoricals().get(0);
        assertThat(p.meanEntropy()).isCloseTo(Math.log(3) / 2, within(1e-12));
        assertThat(p.mean()).containsExactly(new double[] {2 / 3.0, 1 / 6.0, 1 / 6.0}, within(1e-12));
        double h = -(2 / 3.0) * Math.log(2 / 3.0) - 2 * (1 / 6.0) * Math.log(1 / 6.0);
        assertThat(p.entropyOfMean()).isCloseTo(h, within(1e-12));
        assertThat(p.maxEntropy()).isCloseTo(Math.log(3), within(1e-12));
    }

    @Test
    void rolesAreFoundWithoutNames() {
        ModelGraph g = graph();
        assertThat(g.distributionNodes(List.of("q"))).containsExactly("p");
        assertThat(g.distributionNodes(List.of())).contains("p", "unused");
        assertThat(g.needs(List.of("q"))).containsExactly("z", "p", "q");
    }
}
