package org.hdbn.examples.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.model.ModelEvaluator;
import org.hdbn.examples.model.ModelSpec;

/**
 * What {@code hdbn bench} measures, in one run: the peak of the matrix-product kernel, training
 * epochs (seconds, examples/s, the GFLOP/s of the step's matrix products and their ratio to that
 * peak), the peak heap while training (from garbage-collection notifications, see
 * {@link HeapWatcher}) and the full-ranking evaluation of the validation split with posterior means.
 */
public final class TrainingBench {

    /** Size of the square product the peak is measured on. */
    static final int PEAK_SIZE = 1024;

    private final ModelSpec spec;
    private final EmoMusicDataset data;
    private final AutodiffEngine engine;
    private final long seed;
    private final int threads;
    private final PrintWriter out;

    public TrainingBench(ModelSpec spec, EmoMusicDataset data, AutodiffEngine engine, long seed, int threads,
            PrintWriter out) {
        this.spec = spec;
        this.data = data;
        this.engine = engine;
        this.seed = seed;
        this.threads = threads;
        this.out = out;
    }

    /** What one bench run measured: the last epoch's and the best evaluation's wall time. */
    public record Result(String engine, double epochSeconds, double evaluationSeconds) {
    }

    public Result run(int epochs, int evalRuns) {
        int positives = data.train().size();
        int negatives = spec.training().negatives();
        line("bench '%s' on %s: %d users, %d songs, %d positives x %d negatives; engine %s, %d threads, "
                + "%d processors, max heap %d MB, Java %s", spec.name(), data.directory().getFileName(), data.numUsers(),
                data.numSongs(), positives, negatives, engine.name(), threads, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        double peak = PeakGemm.measure(PEAK_SIZE, threads, 5);
        line("peak: %.2f GFLOP/s (Gemm on %d x %d, %d threads, best of 5); load average before the run %.2f", peak,
                PEAK_SIZE, PEAK_SIZE, threads, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        long t0 = System.nanoTime();
        BenchModel model = new BenchModel(spec, data, engine, seed, threads);
        line("setup (gate fit, graph build): %.1f s", (System.nanoTime() - t0) / 1e9);
        long flopsPerBatch = model.flopsPerBatch(seed);
        int batchSize = spec.training().batchSize();
        double epochFlops = flopsPerBatch * (double) positives / batchSize;
        line("training step: %.1f MFLOP in matrix products per batch of %d (counted by the engine as 2mnk)",
                flopsPerBatch / 1e6, batchSize);

        double last = 0;
        long peakHeap;
        long liveHeap;
        long gcs;
        long gcMillis;
        try (HeapWatcher heap = new HeapWatcher()) {
            for (int e = 1; e <= epochs; e++) {
                long cpu0 = processCpuNanos();
                last = model.trainEpoch(seed, e);
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                line("epoch %d: %.2f s (process CPU %.2f s), %.0f examples/s (%.0f pairs/s), %.2f GFLOP/s = %.3f of peak",
                        e, last, cpu, positives / last, positives * (double) negatives / last, epochFlops / last / 1e9,
                        epochFlops / last / 1e9 / peak);
            }
            peakHeap = heap.peakBytes();
            liveHeap = heap.peakLiveBytes();
            gcs = heap.collections();
            gcMillis = heap.pauseMillis();
        }
        line("peak heap while training: %d MB (largest heap use before a collection, from GC notifications; "
                + "%d collections, %.1f s of pauses); largest after a collection: %d MB", peakHeap >> 20, gcs,
                gcMillis / 1e3, liveHeap >> 20);

        double bestEval = Double.NaN;
        ModelEvaluator evaluator = new ModelEvaluator(engine, 0, seed, threads);
        for (int r = 1; r <= evalRuns && data.validation().size() > 0; r++) {
            long e0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            evaluator.evaluate(model.snapshot(), data, data.validation());
            double s = (System.nanoTime() - e0) / 1e9;
            bestEval = Double.isNaN(bestEval) ? s : Math.min(bestEval, s);
            line("evaluation %d: %.3f s (process CPU %.2f s; %d triples x %d songs, top-20 lists, posterior means)", r,
                    s, (processCpuNanos() - cpu0) / 1e9, data.validation().size(), data.numSongs());
        }
        line("summary: epoch %.2f s, %.0f examples/s, evaluation %.3f s, peak heap %d MB, %.2f GFLOP/s / %.2f peak = %.3f"
                + " (threads %d, JVM uptime %.0f s)", last, positives / last, bestEval, peakHeap >> 20,
                epochFlops / last / 1e9, peak, epochFlops / last / 1e9 / peak, threads,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        return new Result(engine.name(), last, bestEval);
    }

    /**
     * CPU time of the whole process (all threads, the JIT and the collector included): against the
     * wall time it shows whether the run had its cores to itself.
     */
    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
