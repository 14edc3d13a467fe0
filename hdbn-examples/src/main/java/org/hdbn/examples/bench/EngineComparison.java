package org.hdbn.examples.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.nn.Activation;
import org.hdbn.nn.Dense;
import org.hdbn.nn.ForwardMode;
import org.hdbn.param.Initializer;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Tensor;

/**
 * A quick timing of autodiff engines on the kernel that dominates HDBN's networks: forward and
 * backward of a {@value #WIDTH} -> {@value #WIDTH} ReLU {@link Dense} layer on a batch of
 * {@value #BATCH} rows, the loss being the sum of the outputs (the kernel of the JMH benchmark
 * {@code KernelBenchmarks.denseForwardBackward} in hdbn-examples, without JMH). Wall-clock means
 * after untimed warm-up passes: good for a ratio between engines, not for absolute claims.
 *
 * <p>Engines are found by name through {@link Engines#byName} (their {@code ServiceLoader}
 * registration), so this benchmark needs no engine at compile time: the PyTorch engine of hdbn-djl
 * is compared when its jar is on the class path, as on the {@code ./hdbn} launcher's.
 *
 * <p>{@code java ... org.hdbn.examples.bench.EngineComparison [passes] [engine ...]} prints each
 * engine's mean and the ratio of the first engine's mean to each other's (default: 1000 passes,
 * tape and djl).
 */
public final class EngineComparison {

    public static final int BATCH = 512;
    public static final int WIDTH = 64;

    private EngineComparison() {
    }

    /**
     * The mean wall time of one forward+backward pass of the dense kernel on the engine, over
     * {@code passes} timed passes that follow {@code warmup} untimed ones (the JIT, and PyTorch's
     * allocator, need a few hundred to settle).
     */
    public static Duration denseKernel(AutodiffEngine engine, int warmup, int passes) {
        if (warmup < 0 || passes <= 0) {
            throw new IllegalArgumentException("need warmup >= 0 and passes > 0, got " + warmup + " and " + passes);
        }
        ParameterStore store = new ParameterStore();
        Dense dense = new Dense(store, "dense", WIDTH, WIDTH, Activation.RELU, RandomStreams.create(1, "weights"));
        Tensor input = Tensor.zeros(BATCH, WIDTH);
        Initializer.normal(1).fill(input, RandomStreams.create(1, "input"));
        for (int i = 0; i < warmup; i++) {
            pass(engine, dense, store, input);
        }
        long start = System.nanoTime();
        for (int i = 0; i < passes; i++) {
            pass(engine, dense, store, input);
        }
        return Duration.ofNanos((System.nanoTime() - start) / passes);
    }

    private static double pass(AutodiffEngine engine, Dense dense, ParameterStore store, Tensor input) {
        double out;
        try (Graph g = engine.open()) {
            Var loss = g.sum(dense.forward(g, g.constant(input), ForwardMode.means()));
            out = loss.value().item();
            g.backward(loss);
        }
        store.zeroGrads();
        return out;
    }

    /** Each named engine's mean on the dense kernel, in order. */
    public static List<Duration> compare(List<AutodiffEngine> engines, int warmup, int passes) {
        List<Duration> means = new ArrayList<>();
        for (AutodiffEngine e : engines) {
            means.add(denseKernel(e, warmup, passes));
        }
        return means;
    }

    public static void main(String[] args) {
        int passes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<AutodiffEngine> engines = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            engines.add(Engines.byName(args[i]));
        }
        if (engines.isEmpty()) {
            engines.add(Engines.byName("tape"));
            engines.add(Engines.byName("djl"));
        }
        List<Duration> means = compare(engines, Math.max(200, passes / 5), passes);
        System.out.printf(Locale.ROOT, "dense %dx%d ReLU, batch %d, forward+backward, mean of %d passes%n",
                WIDTH, WIDTH, BATCH, passes);
        double base = means.get(0).toNanos();
        for (int i = 0; i < engines.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-6s %9.1f us   %s/%s = %.2f%n", engines.get(i).name(),
                    means.get(i).toNanos() / 1e3, engines.get(0).name(), engines.get(i).name(),
                    base / means.get(i).toNanos());
        }
    }
}
