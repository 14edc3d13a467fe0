package org.hdbn.examples.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.random.RandomStreams;
import org.hdbn.tensor.MatrixProducts;
import org.hdbn.tensor.ProductCensus;
import org.hdbn.tensor.ProductShape;

/**
 * What a matrix-product implementation achieves on this machine: on a large square product, its
 * rows split over the given number of threads (each thread one single-threaded call on its rows),
 * and on a training step's own product shapes, one thread, each shape timed on its own. These are
 * the yardsticks the training step's achieved rate is divided by.
 */
final class PeakProducts {

    /** Each shape is repeated for at least this long per timing; the best of three timings counts. */
    private static final double SECONDS_PER_TIMING = 0.004;

    private PeakProducts() {
    }

    /** GFLOP/s (2 n^3 per product) of the best of {@code repeats} products of n x n matrices. */
    static double square(MatrixProducts.Choice products, int n, int threads, int repeats) {
        UniformRandomProvider rng = RandomStreams.create(1, "peak-gemm");
        double[] a = random(n * n, rng);
        double[] b = random(n * n, rng);
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
                    parts.add(pool.submit(() -> products.create().gemmAt(to - from, n, n, a, from * n, b, c, from * n)));
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

    /**
     * CPU seconds one thread needs for the products a census saw (each shape as many times as
     * counted, in the precision it was called in), each shape timed on its own, warm, on random
     * operands: a training step's products without the rest of the step.
     */
    static double seconds(MatrixProducts products, ProductCensus census) {
        UniformRandomProvider rng = RandomStreams.create(2, "step-shapes");
        double total = 0;
        for (Map.Entry<ProductShape, Long> e : census.counts().entrySet()) {
            total += e.getValue() * secondsPerProduct(products, e.getKey(), false, rng);
        }
        for (Map.Entry<ProductShape, Long> e : census.singleCounts().entrySet()) {
            total += e.getValue() * secondsPerProduct(products, e.getKey(), true, rng);
        }
        return total;
    }

    private static double secondsPerProduct(MatrixProducts products, ProductShape s, boolean single,
            UniformRandomProvider rng) {
        double[] a = random(s.m() * s.k(), rng);
        double[] b = random(s.k() * s.n(), rng);
        double[] c = new double[s.m() * s.n()];
        float[] af = single ? narrow(a) : null;
        float[] bf = single ? narrow(b) : null;
        float[] cf = single ? new float[c.length] : null;
        // enough calls for SECONDS_PER_TIMING at a few GFLOP/s, at least 5
        long calls = Math.max(5, (long) (SECONDS_PER_TIMING * 4e9 / Math.max(1, s.flops())));
        // CPU time of this thread, not wall time: on a machine shared with other jobs the kernel's
        // own cost is what the step's products are compared with
        ThreadMXBean clock = ManagementFactory.getThreadMXBean();
        double best = Double.POSITIVE_INFINITY;
        for (int r = 0; r < 4; r++) {
            long t0 = clock.getCurrentThreadCpuTime();
            for (long q = 0; q < calls; q++) {
                if (single) {
                    products.sgemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), af, bf, cf);
                } else {
                    products.gemm(s.transA(), s.transB(), s.m(), s.n(), s.k(), a, b, c);
                }
            }
            // the first timing warms the kernel up and is not counted
            if (r > 0) {
                best = Math.min(best, (clock.getCurrentThreadCpuTime() - t0) / 1e9 / calls);
            }
        }
        return best;
    }

    private static float[] narrow(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
            f[i] = (float) d[i];
        }
        return f;
    }

    private static double[] random(int size, UniformRandomProvider rng) {
        double[] d = new double[size];
        for (int i = 0; i < size; i++) {
            d[i] = rng.nextDouble();
        }
        return d;
    }
}
