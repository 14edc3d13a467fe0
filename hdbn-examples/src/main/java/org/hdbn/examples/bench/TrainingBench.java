package org.hdbn.examples.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.tape.SinglePrecisionTapeEngine;
import org.hdbn.autodiff.tape.TapeEngine;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.run.ModelEvaluator;
import org.hdbn.run.ModelSpec;
import org.hdbn.tensor.MatrixProducts;
import org.hdbn.tensor.NetlibProducts;
import org.hdbn.tensor.ProductCensus;

/**
 * What {@code hdbn bench} measures, in one run: a reference BLAS and hdbn's own kernel on a large
 * square product and on the training step's own product shapes, training epochs (seconds,
 * examples/s, the GFLOP/s of the step's matrix products and their ratio to the reference on the
 * same shapes), the products' own time and rate inside training steps (each product timed, against
 * the reference on the same shapes), the peak heap while training (from garbage-collection notifications, see
 * {@link HeapWatcher}) and the full-ranking evaluation of the validation split with posterior means.
 */
public final class TrainingBench {

    /** Size of the square product the peak is measured on. */
    static final int PEAK_SIZE = 1024;

    /** Training steps whose products are timed one by one after the epochs. */
    static final int PRODUCT_STEPS = 60;

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

    /** What one bench run measured: the summary's epoch ({@link EpochTimes#median()}) and the best evaluation's wall time. */
    public record Result(String engine, double epochSeconds, double evaluationSeconds) {
    }

    public Result run(int epochs, int evalRuns) {
        int positives = data.train().size();
        int negatives = spec.training().negatives();
        line("bench '%s' on %s: %d users, %d songs, %d positives x %d negatives; engine %s (parameters in %s), "
                + "%d threads, %d processors, max heap %d MB, Java %s", spec.name(), data.directory().getFileName(),
                data.numUsers(), data.numSongs(), positives, negatives, engine.name(),
                engine.parameterStorage().name().toLowerCase(java.util.Locale.ROOT), threads,
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        MatrixProducts.Choice used = MatrixProducts.preferred();
        MatrixProducts reference = NetlibProducts.best();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double gemmSquare = PeakProducts.square(MatrixProducts.Choice.GEMM, PEAK_SIZE, threads, 5);
        double referenceSquare = PeakProducts.square(MatrixProducts.Choice.NETLIB, PEAK_SIZE, threads, 5);
        line("products: the tape multiplies with %s; reference BLAS %s; load average before the run %.2f",
                used.create().name(), reference.name(), load);
        line("softplus: %s; weight KL: %s; in float (tape-f32): %s", TapeEngine.softplusLoops(),
                TapeEngine.weightKlLoop(), SinglePrecisionTapeEngine.floatLoops());
        line("%d x %d x %d on %d threads (rows split, best of 5): reference %.2f GFLOP/s, hdbn Gemm %.2f GFLOP/s",
                PEAK_SIZE, PEAK_SIZE, PEAK_SIZE, threads, referenceSquare, gemmSquare);

        long t0 = System.nanoTime();
        BenchModel model = new BenchModel(spec, data, engine, seed, threads);
        line("setup (gate fit, graph build): %.1f s", (System.nanoTime() - t0) / 1e9);
        ProductCensus census = model.census(used);
        long flopsPerBatch = census.flops();
        int batchSize = spec.training().batchSize();
        double epochFlops = flopsPerBatch * (double) positives / batchSize;
        long products = census.counts().values().stream().mapToLong(Long::longValue).sum()
                + census.singleCounts().values().stream().mapToLong(Long::longValue).sum();
        int shapes = census.counts().size() + census.singleCounts().size();
        double referenceStep = PeakProducts.seconds(reference, census);
        double gemmStep = PeakProducts.seconds(MatrixProducts.Choice.GEMM.create(), census);
        // the shards of a step run at once, one per thread: the reference's limit for the whole step
        int parallel = Math.min(threads, model.shards);
        double limit = flopsPerBatch / referenceStep / 1e9 * parallel;
        line("training step: %.1f MFLOP in %d matrix products of %d shapes per batch of %d, %d shards; on these shapes, "
                + "one thread, CPU time: reference %.2f GFLOP/s (%.2f ms per step), hdbn Gemm %.2f GFLOP/s (%.2f ms per step); "
                + "limit (shards running at once: %d): %.2f GFLOP/s", flopsPerBatch / 1e6, products, shapes,
                batchSize, model.shards, flopsPerBatch / referenceStep / 1e9, referenceStep * 1e3,
                flopsPerBatch / gemmStep / 1e9, gemmStep * 1e3, parallel, limit);

        double[] epochSeconds = new double[epochs];
        long peakHeap;
        long liveHeap;
        long gcs;
        long gcMillis;
        try (HeapWatcher heap = new HeapWatcher()) {
            for (int e = 1; e <= epochs; e++) {
                long cpu0 = processCpuNanos();
                long java0 = javaThreadsCpuNanos();
                double seconds = model.trainEpoch(seed, e);
                epochSeconds[e - 1] = seconds;
                double cpu = (processCpuNanos() - cpu0) / 1e9;
                // NaN where the JVM does not measure a thread's CPU time
                double jvm = java0 < 0 ? Double.NaN : cpu - (javaThreadsCpuNanos() - java0) / 1e9;
                // per CPU second: the share of the reference that other jobs on the machine do not change
                line("epoch %d: %.2f s (process CPU %.2f s, of which the JVM's own threads %.2f s), %.0f examples/s "
                        + "(%.0f pairs/s), %.2f GFLOP/s = %.3f of the reference on the step's shapes; per CPU second "
                        + "%.2f GFLOP/s = %.3f of its one-thread rate", e,
                        seconds, cpu, jvm, positives / seconds, positives * (double) negatives / seconds,
                        epochFlops / seconds / 1e9, epochFlops / seconds / 1e9 / limit, epochFlops / cpu / 1e9,
                        epochFlops / cpu / 1e9 / (limit / parallel));
            }
            peakHeap = heap.peakBytes();
            liveHeap = heap.peakLiveBytes();
            gcs = heap.collections();
            gcMillis = heap.pauseMillis();
        }
        // after the epochs, so the JIT has compiled the step as it runs in training
        BenchModel.ProductTime inStep = model.timeProducts(used, PRODUCT_STEPS, threads);
        double productRate = inStep.flops() / inStep.productSeconds() / 1e9;
        double productShare = productRate / (flopsPerBatch / referenceStep / 1e9);
        // on the engine the census ran (the double tape for an engine it cannot pass through), whose
        // products' precision the reference's timing of the same shapes followed
        line("products inside the step (engine %s, %d steps on %d threads after the epochs, each product "
                + "timed): %.2f of %.2f ms "
                + "per step; %.2f GFLOP/s per thread while multiplying = %.3f of the reference's one-thread rate on "
                + "the step's shapes", inStep.engine(), inStep.steps(), threads, inStep.productSeconds() * 1e3 / inStep.steps(),
                inStep.stepSeconds() * 1e3 / inStep.steps(), productRate,
                productShare);
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
        EpochTimes times = new EpochTimes(epochSeconds);
        double epoch = times.median();
        line("summary: epoch %.2f s (%s; %.2f-%.2f s), %.0f examples/s, evaluation %.3f s, peak heap %d MB, %.2f "
                + "GFLOP/s / %.2f reference limit = %.3f, products while multiplying %.3f of the reference (threads %d, "
                + "shards %d, load average now %.2f, JVM uptime %.0f s)", epoch, times.which(), times.fastest(),
                times.slowest(), positives / epoch, bestEval, peakHeap >> 20, epochFlops / epoch / 1e9, limit,
                epochFlops / epoch / 1e9 / limit, productShare, threads,
                model.shards, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
        return new Result(engine.name(), epoch, bestEval);
    }

    /**
     * CPU time of the whole process (all threads, the JIT and the collector included): against the
     * wall time it shows whether the run had its cores to itself.
     */
    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /**
     * CPU time of the live Java threads. The process's CPU time less this is the JVM's own threads:
     * the JIT compilers and the garbage collector, whose concurrent marking once took half a core
     * beside training (docs/performance.md, "Garbage collection"). -1 where thread CPU time is
     * not measured.
     */
    private static long javaThreadsCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            return -1;
        }
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            // -1 for a thread that ended since the ids were taken
            sum += Math.max(0, threads.getThreadCpuTime(id));
        }
        return sum;
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
