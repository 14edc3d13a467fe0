package org.hdbn.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.Gemm;

/**
 * The machine's practical peak for double-precision matrix products: hdbn's own kernel
 * ({@link Gemm}) on a large square product, its rows split over the given number of threads, the
 * best of a few repetitions. It is the yardstick the training step's achieved rate is divided by.
 */
public final class PeakGemm {

    private PeakGemm() {
    }

    /** GFLOP/s (2 n^3 per product) of the best of {@code repeats} products of n x n matrices. */
    public static double measure(int n, int threads, int repeats) {
        UniformRandomProvider rng = RandomStreams.create(1, "peak-gemm");
        double[] a = new double[n * n];
        double[] b = new double[n * n];
        for (int i = 0; i < a.length; i++) {
            a[i] = rng.nextDouble();
            b[i] = rng.nextDouble();
        }
        double[] c = new double[n * n];
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "peak-gemm");
            t.setDaemon(true);
            return t;
        });
        try {
            double best = Double.POSITIVE_INFINITY;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                List<Future<?>> parts = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int from = n * t / threads;
                    int to = n * (t + 1) / threads;
                    parts.add(pool.submit(() -> Gemm.gemmRows(from, to, n, n, a, b, c)));
                }
                for (Future<?> f : parts) {
                    f.get();
                }
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            return 2.0 * n * n * n / best / 1e9;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while measuring the peak", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the peak measurement failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
