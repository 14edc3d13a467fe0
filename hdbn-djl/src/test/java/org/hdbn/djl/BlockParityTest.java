package org.hdbn.djl;

import org.hdbn.autodiff.Var;
import org.hdbn.graph.nodes.BprLossSpec;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Dense;
import org.hdbn.nn.Embedding;
import org.hdbn.nn.ForwardMode;
import org.hdbn.nn.Mlp;
import org.hdbn.param.Initializer;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.hdbn.testing.GradientCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every block of core, unchanged, gives the same outputs and gradients on the djl engine as on the
 * tape engine, from identical (seeded) parameters, at {@link Parity#TOLERANCE}.
 */
class BlockParityTest {

    static final Tensor INPUT = GradientCheck.randomLike(new int[] {6, 5}, RandomStreams.create(3, "input"));

    @ParameterizedTest
    @EnumSource(Activation.class)
    void dense(Activation activation) {
        Parity.assertEnginesAgree("dense " + activation, store -> {
            Dense d = new Dense(store, "dense", 5, 4, activation, RandomStreams.create(1));
            // a non-zero bias, so that its broadcast is tested too
            Initializer.uniform(0.5).fill(d.bias().value(), RandomStreams.create(2));
            return g -> d.forward(g, g.constant(INPUT), ForwardMode.means());
        }, 1);
    }

    @Test
    void mlp() {
        Parity.assertEnginesAgree("mlp", store -> {
            Mlp m = new Mlp(store, "mlp", 5, new int[] {8, 7}, 3, Activation.TANH, Activation.SOFTMAX,
                    RandomStreams.create(4));
            return g -> m.forward(g, g.constant(INPUT), ForwardMode.means());
        }, 2);
    }

    @Test
    void embeddingUpdatesOnlyTheRowsItRead() {
        Parity.assertEnginesAgree("embedding", store -> {
            Embedding e = new Embedding(store, "emb", 10, 3, Initializer.normal(0.5), RandomStreams.create(5));
            return g -> e.forward(g, new int[] {3, 1, 3, 7, 3});
        }, 3);
    }

    @Test
    void embeddingReadWholeAndByRows() {
        // an L2 term over the whole table makes every row touched, on both engines
        Parity.assertEnginesAgree("embedding used densely", store -> {
            Embedding e = new Embedding(store, "emb", 6, 3, Initializer.normal(0.5), RandomStreams.create(6));
            return g -> {
                Var rows = e.forward(g, new int[] {4, 0, 4});
                Var penalty = g.sum(g.square(g.param(e.table())));
                return g.add(g.tanh(rows), penalty);
            };
        }, 4);
    }

    @Test
    void bprLossOverEmbeddingsAndAnMlp() {
        // 3 queries, each with its positive and 2 negatives: candidates are [3 + 3 * 2, d]
        int[] users = {0, 4, 2};
        int[] items = {1, 5, 3, 0, 7, 7, 2, 6, 1};
        Parity.assertEnginesAgree("bpr", store -> {
            Embedding userEmb = new Embedding(store, "user", 5, 4, Initializer.normal(0.3), RandomStreams.create(7));
            Embedding itemEmb = new Embedding(store, "item", 8, 6, Initializer.normal(0.3), RandomStreams.create(8));
            Mlp tower = new Mlp(store, "tower", 4, new int[] {8}, 6, Activation.RELU, Activation.IDENTITY,
                    RandomStreams.create(9));
            return g -> {
                Var q = tower.forward(g, userEmb.forward(g, users), ForwardMode.means());
                return BprLossSpec.loss(g, q, itemEmb.forward(g, items));
            };
        }, 5);
    }
}
