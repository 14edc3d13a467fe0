package org.hdbn.examples.model;

import static org.hdbn.examples.model.OneEpochHdbn.assertSameBits;
import static org.hdbn.examples.model.OneEpochHdbn.trainedParameters;

import java.nio.file.Path;
import java.util.List;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.run.ModelSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HDBN reference model (Gaussian latents, gated Bayesian experts, BPR) trained with one and
 * with more threads: a seeded run must give the same parameters to the last bit, whatever the
 * thread count, for the default 2 shards and for more shards than threads, in double and in single
 * precision.
 */
class ThreadCountTest {

    @TempDir
    Path dir;

    @Test
    void oneAndTwoThreadsTrainTheSameHdbnBitForBit() {
        EmoMusicDataset data = OneEpochHdbn.data(dir);
        ModelSpec spec = OneEpochHdbn.spec();
        assertSameBits(trainedParameters(spec, data, 1), trainedParameters(spec, data, 2), "2 shards, 1 and 2 threads");
    }

    @Test
    void singlePrecisionTrainsTheSameHdbnBitForBitOnOneAndTwoThreads() {
        EmoMusicDataset data = OneEpochHdbn.data(dir);
        ModelSpec spec = OneEpochHdbn.spec();
        assertSameBits(trainedParameters(spec, data, 1, "tape-f32"), trainedParameters(spec, data, 2, "tape-f32"),
                "tape-f32, 2 shards, 1 and 2 threads");
    }

    @Test
    void anyThreadCountTrainsTheSameHdbnBitForBitWithFiveShards() {
        EmoMusicDataset data = OneEpochHdbn.data(dir);
        ModelSpec spec = OneEpochHdbn.spec();
        spec = spec.withTraining(spec.training().withShards(5));
        List<double[]> one = trainedParameters(spec, data, 1);
        assertSameBits(one, trainedParameters(spec, data, 2), "5 shards, 1 and 2 threads");
        assertSameBits(one, trainedParameters(spec, data, 5), "5 shards, 1 and 5 threads");
    }
}
