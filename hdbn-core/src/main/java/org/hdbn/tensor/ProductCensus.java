package org.hdbn.tensor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the matrix products that pass through it by {@link ProductShape} and precision, in the
 * order first seen, times them, and hands each call on to the products it wraps: a benchmark learns which shapes a
 * training step multiplies, how often, and how long the products took inside the step, by running
 * steps through it. Safe for concurrent passes.
 */
public final class ProductCensus {

    private final Map<ProductShape, Long> counts = new LinkedHashMap<>();
    private final Map<ProductShape, Long> singleCounts = new LinkedHashMap<>();
    // wall time inside the wrapped calls, summed over the threads that made them
    private final LongAdder nanos = new LongAdder();
    private final MatrixProducts.Choice delegate;

    public ProductCensus(MatrixProducts.Choice delegate) {
        this.delegate = delegate;
    }

    /** Products that count their calls here, then run them by the wrapped implementation. */
    public MatrixProducts create() {
        MatrixProducts inner = delegate.create();
        return new MatrixProducts() {
            @Override
            public String name() {
                return inner.name();
            }

            @Override
            public boolean shared() {
                return false;
            }

            @Override
            public void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, double[] b, double[] c) {
                count(new ProductShape(transA, transB, m, n, k));
                long t0 = System.nanoTime();
                inner.gemm(transA, transB, m, n, k, a, b, c);
                nanos.add(System.nanoTime() - t0);
            }

            @Override
            public void gemmAt(int m, int n, int k, double[] a, int aOffset, double[] b, double[] c, int cOffset) {
                count(new ProductShape(false, false, m, n, k));
                long t0 = System.nanoTime();
                inner.gemmAt(m, n, k, a, aOffset, b, c, cOffset);
                nanos.add(System.nanoTime() - t0);
            }

            @Override
            public void sgemm(boolean transA, boolean transB, int m, int n, int k, float[] a, float[] b, float[] c) {
                countSingle(new ProductShape(transA, transB, m, n, k));
                long t0 = System.nanoTime();
                inner.sgemm(transA, transB, m, n, k, a, b, c);
                nanos.add(System.nanoTime() - t0);
            }
        };
    }

    private synchronized void count(ProductShape shape) {
        counts.merge(shape, 1L, Long::sum);
    }

    private synchronized void countSingle(ProductShape shape) {
        singleCounts.merge(shape, 1L, Long::sum);
    }

    /** The shapes seen in double precision ({@code gemm}, {@code gemmAt}) and how many products of each. */
    public synchronized Map<ProductShape, Long> counts() {
        return new LinkedHashMap<>(counts);
    }

    /** The shapes seen in single precision ({@code sgemm}) and how many products of each. */
    public synchronized Map<ProductShape, Long> singleCounts() {
        return new LinkedHashMap<>(singleCounts);
    }

    /**
     * Seconds spent inside the products seen, summed over the threads that ran them (two threads
     * multiplying at once for one second count two): the products' own time within a step.
     */
    public double seconds() {
        return nanos.sum() / 1e9;
    }

    /** The FLOPs of every product seen. */
    public synchronized long flops() {
        long sum = 0;
        for (Map<ProductShape, Long> byShape : List.of(counts, singleCounts)) {
            for (Map.Entry<ProductShape, Long> e : byShape.entrySet()) {
                sum += e.getKey().flops() * e.getValue();
            }
        }
        return sum;
    }
}
