package org.hdbn.concurrent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A {@link TaskRunner} on up to {@code threads} threads, the caller's included: each thread takes
 * the next number until none is left. Its worker threads are daemons that end after a second idle,
 * so an abandoned runner holds no threads. One caller at a time; tasks must not call {@link #run}.
 */
public final class ThreadTaskRunner implements TaskRunner {

    private final int threads;
    private ThreadPoolExecutor pool;

    public ThreadTaskRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    public int threads() {
        return threads;
    }

    @Override
    public void run(int count, IntConsumer task) {
        RuntimeException[] failures = new RuntimeException[count];
        AtomicInteger next = new AtomicInteger();
        Runnable loop = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    task.accept(i);
                } catch (RuntimeException e) {
                    failures[i] = e;
                }
            }
        };
        List<Future<?>> helpers = new ArrayList<>();
        int extra = Math.min(threads, count) - 1;
        for (int t = 0; t < extra; t++) {
            helpers.add(pool().submit(loop));
        }
        loop.run();
        for (Future<?> f : helpers) {
            await(f);
        }
        for (RuntimeException e : failures) {
            if (e != null) {
                throw e;
            }
        }
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a task", e);
        } catch (ExecutionException e) {
            // the loop catches its tasks' runtime failures; anything else is an error to pass on
            throw new IllegalStateException("a task failed: " + e.getCause(), e.getCause());
        }
    }

    private ThreadPoolExecutor pool() {
        if (pool == null) {
            pool = new ThreadPoolExecutor(threads - 1, threads - 1, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "hdbn-worker");
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }
}
