package org.hdbn.examples.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.run.ModelSpec;

/**
 * How much faster more threads train, measured in one process: one model per thread count, all set
 * up alike, each epoch trained on every thread count in turn (the order reversed every other epoch),
 * so the machine's drift from one run to the next, which on a shared 2-core machine moves a
 * two-thread epoch by up to a quarter between processes, falls on all of them alike. A step gives
 * the same bits on any thread count (docs/performance.md, "Threads and shards"), so the models do
 * the same work; the bench checks that their parameters agree at the end.
 */
public final class ThreadScalingBench {

    private final ModelSpec spec;
    private final EmoMusicDataset data;
    private final AutodiffEngine engine;
    private final long seed;
    private final List<Integer> threads;
    private final PrintWriter out;

    /** @param threads at least two thread counts; the first is the one the others are compared with */
    public ThreadScalingBench(ModelSpec spec, EmoMusicDataset data, AutodiffEngine engine, long seed,
            List<Integer> threads, PrintWriter out) {
        if (threads.size() < 2) {
            throw new IllegalArgumentException("comparing thread counts needs at least two, got " + threads);
        }
        this.spec = spec;
        this.data = data;
        this.engine = engine;
        this.seed = seed;
        this.threads = List.copyOf(threads);
        this.out = out;
    }

    /**
     * What the comparison measured: the epochs' seconds per thread count ({@code seconds.get(k)[e]}),
     * and whether the models' parameters agreed bit for bit at the end.
     */
    public record Result(List<Integer> threads, List<double[]> seconds, boolean sameParameters) {

        /** The median over epochs 2 to N (or the only one) of the first count's epoch over count k's. */
        public double speedup(int k) {
            double[] first = seconds.get(0);
            double[] other = seconds.get(k);
            double[] ratios = new double[first.length];
            for (int e = 0; e < first.length; e++) {
                ratios[e] = first[e] / other[e];
            }
            return new EpochTimes(ratios).median();
        }
    }

    public Result run(int epochs) {
        line("thread counts %s on bench '%s', engine %s, %d epochs: one model per count, each epoch trained on every "
                + "count in turn in this process (load average before %.2f)", threads, spec.name(), engine.name(),
                epochs, load());
        List<BenchModel> models = new ArrayList<>();
        for (int t : threads) {
            models.add(new BenchModel(spec, data, engine, seed, t));
        }
        int n = threads.size();
        List<double[]> seconds = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            seconds.add(new double[epochs]);
        }
        try (HeapWatcher heap = new HeapWatcher()) {
            for (int e = 1; e <= epochs; e++) {
                StringBuilder line = new StringBuilder("epoch " + e + ":");
                for (int i = 0; i < n; i++) {
                    // ascending on odd epochs, descending on even ones: neither count always runs first
                    int k = e % 2 == 1 ? i : n - 1 - i;
                    seconds.get(k)[e - 1] = models.get(k).trainEpoch(seed, e);
                }
                for (int k = 0; k < n; k++) {
                    line.append(String.format(Locale.ROOT, " %s %.2f s%s", count(threads.get(k)), seconds.get(k)[e - 1],
                            k == 0 ? "" : String.format(Locale.ROOT, " (%.2fx)", seconds.get(0)[e - 1] / seconds.get(k)[e - 1])));
                }
                line(line.toString());
            }
            // the models are all in the heap at once: a collector working hard slows every count
            line("peak heap while training: %d MB of %d MB (%d models; %d collections, %.1f s of pauses)",
                    heap.peakBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20, n, heap.collections(),
                    heap.pauseMillis() / 1e3);
        }
        boolean same = sameBits(models.stream().map(BenchModel::parameterValues).toList());
        Result result = new Result(threads, seconds, same);
        StringBuilder summary = new StringBuilder("summary:");
        for (int k = 1; k < n; k++) {
            EpochTimes base = new EpochTimes(seconds.get(0));
            EpochTimes other = new EpochTimes(seconds.get(k));
            summary.append(String.format(Locale.ROOT, " %s %.2fx faster than %d (epoch by epoch, %s; "
                    + "epochs %.2f s against %.2f s);", count(threads.get(k)), result.speedup(k), threads.get(0),
                    base.which(), other.median(), base.median()));
        }
        summary.append(same ? " parameters after the last epoch: the same bits on every thread count"
                : " PARAMETERS DIFFER between thread counts: a step must not depend on them (a bug; please report it)");
        summary.append(String.format(Locale.ROOT, " (load average now %.2f)", load()));
        line(summary.toString());
        return result;
    }

    /** Whether every model's parameters equal the first's, bit for bit (0.0 and -0.0 differ). */
    static boolean sameBits(List<List<double[]>> models) {
        List<double[]> first = models.get(0);
        for (List<double[]> other : models.subList(1, models.size())) {
            if (other.size() != first.size()) {
                return false;
            }
            for (int p = 0; p < first.size(); p++) {
                if (!Arrays.equals(first.get(p), other.get(p))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String count(int threads) {
        return threads == 1 ? "1 thread" : threads + " threads";
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private void line(String format, Object... args) {
        out.println(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
        out.flush();
    }
}
