package org.hdbn.examples.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Dense;
import org.hdbn.nn.ForwardMode;
import org.hdbn.optim.Adam;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the hot kernels: a dense layer's forward and backward pass at the HDBN batch
 * size, and one lazy Adam step on an embedding table of EmoMusicLJ's size touching one batch of
 * rows. Run with {@code ./hdbn jmh} (or {@code java -cp ... org.openjdk.jmh.Main KernelBenchmarks}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmarks {

    @Param("tape")
    public String engine;

    private AutodiffEngine autodiff;
    private Dense dense;
    private Tensor input;
    private Parameter table;
    private int[] rows;
    private double[] rowGrads;
    private Adam adam;

    @Setup
    public void setUp() {
        autodiff = Engines.byName(engine);
        ParameterStore store = new ParameterStore();
        dense = new Dense(store, "dense", 64, 64, Activation.RELU, RandomStreams.create(1));
        input = Tensor.zeros(512, 64);
        Initializer.normal(1).fill(input, RandomStreams.create(2));
        table = store.getOrCreate("table", new int[] {15000, 64}, true, Initializer.normal(0.1), RandomStreams.create(3));
        rows = RandomStreams.create(4).ints(512, 0, 15000).toArray();
        rowGrads = new double[512 * 64];
        java.util.Arrays.fill(rowGrads, 1e-3);
        adam = new Adam(LearningRateSchedule.constant(0.01));
    }

    /** Forward and backward of a 64 -> 64 ReLU layer on a batch of 512. */
    @Benchmark
    public double denseForwardBackward() {
        double out;
        try (Graph g = autodiff.open()) {
            var y = dense.forward(g, g.constant(input), ForwardMode.means());
            var loss = g.sum(y);
            out = loss.value().item();
            g.backward(loss);
        }
        dense.weight().zeroGrad();
        dense.bias().zeroGrad();
        return out;
    }

    /** One Adam step on a 15,000 x 64 table whose batch touched 512 rows. */
    @Benchmark
    public double adamStepOnTouchedRows() {
        table.accumulateRows(rows, rowGrads);
        adam.step(List.of(table));
        table.zeroGrad();
        return table.value().data()[rows[0] * 64];
    }
}
