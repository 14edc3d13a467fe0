package org.hdbn.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.tape.TapeEngine;
import org.hdbn.data.Interactions;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecMapper;
import org.hdbn.nn.ForwardMode;
import org.hdbn.random.RandomStreams;
import org.hdbn.run.data.InMemoryDataset;
import org.hdbn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Evaluation's Monte Carlo path is {@code McPredictor}: at S = 0 one pass at the means, at S > 0
 * the mean of S sampled passes drawn in the same order as the averaging that preceded it.
 */
class TowersTest {

    static final AutodiffEngine ENGINE = new TapeEngine();

    /** The planted-latent model after 5 epochs on planted data (its training triples are the queries). */
    private static ModelGraph trained(InMemoryDataset data) throws Exception {
        ModelSpec spec = ModelSpec.read(new SpecMapper(),
                Path.of(TowersTest.class.getResource("/planted-latent.json").toURI()));
        return ModelTrainerTest.train(spec, data, 5).graph();
    }

    /** The query tower of every query in blocks, drawing (when sampled) from the stream of seed 9. */
    private static Tensor queryTower(ModelGraph graph, Interactions queries, int block, int samples, int threads) {
        return Towers.compute(graph, ENGINE, ModelSpec.QUERY, queries.size(), block,
                from -> ModelEvaluator.queryBatch(queries, from, Math.min(queries.size(), from + block)), samples,
                RandomStreams.create(9, "t"), threads);
    }

    @Test
    void atTheMeansAndSampledTheTowersAreThoseOfThePassesTheyAverage() throws Exception {
        InMemoryDataset data = PlantedData.create(3);
        ModelGraph graph = trained(data);
        Interactions queries = data.train();
        int block = 50;
        for (int samples : new int[] {0, 1, 4}) {
            Tensor tower = queryTower(graph, queries, block, samples, 1);
            double[] old = oldAverage(graph, queries, block, samples, RandomStreams.create(9, "t"));
            if (samples == 0) {
                assertThat(tower.data()).containsExactly(old);
            } else {
                // McPredictor sums the passes, then divides; the old loop added each pass divided by S:
                // the same draws, rounded in another order, so equal to within a few units in the last place
                for (int k = 0; k < old.length; k++) {
                    assertThat(tower.data()[k]).isCloseTo(old[k], within(1e-13 * Math.max(1, Math.abs(old[k]))));
                }
            }
        }
        Tensor means = Towers.compute(graph, ENGINE, ModelSpec.QUERY, 10, block,
                from -> ModelEvaluator.queryBatch(queries, 0, 10), 0, null);
        Tensor sampled = Towers.compute(graph, ENGINE, ModelSpec.QUERY, 10, block,
                from -> ModelEvaluator.queryBatch(queries, 0, 10), 1, RandomStreams.create(2));
        assertThat(sampled.data()).as("the latent is sampled, not at its mean").isNotEqualTo(means.data());
    }

    @Test
    void blocksOnSeveralThreadsGiveTheSameTowersAsOneThread() throws Exception {
        InMemoryDataset data = PlantedData.create(3);
        Interactions queries = data.train();
        ModelGraph graph = trained(data);
        // blocks of 37 rows: the last block is shorter; sampled passes stay in block order on one thread
        double[][] one = {queryTower(graph, queries, 37, 0, 1).data(), queryTower(graph, queries, 37, 2, 1).data()};
        for (int threads = 2; threads <= 3; threads++) {
            assertThat(queryTower(graph, queries, 37, 0, threads).data()).as("means, %d threads", threads)
                    .containsExactly(one[0]);
            assertThat(queryTower(graph, queries, 37, 2, threads).data()).as("2 samples, %d threads", threads)
                    .containsExactly(one[1]);
        }
    }

    /** The averaging evaluation used before McPredictor: each pass's values divided by S, added up. */
    private static double[] oldAverage(ModelGraph model, Interactions queries, int blockSize, int samples,
            UniformRandomProvider rng) {
        int rows = queries.size();
        double[] out = null;
        int width = -1;
        for (int from = 0; from < rows; from += blockSize) {
            Batch batch = ModelEvaluator.queryBatch(queries, from, Math.min(rows, from + blockSize));
            double[] block = null;
            int passes = Math.max(1, samples);
            for (int s = 0; s < passes; s++) {
                ForwardMode mode = samples == 0 ? ForwardMode.means() : ForwardMode.sampling(rng);
                try (Graph g = ENGINE.openInference()) {
                    Tensor v = model.forward(g, batch, mode, List.of(ModelSpec.QUERY)).value(ModelSpec.QUERY).value();
                    if (out == null) {
                        width = v.cols();
                        out = new double[rows * width];
                    }
                    if (block == null) {
                        block = new double[v.size()];
                    }
                    for (int k = 0; k < v.size(); k++) {
                        block[k] += v.data()[k] / passes;
                    }
                }
            }
            System.arraycopy(block, 0, out, from * width, block.length);
        }
        return out;
    }
}
