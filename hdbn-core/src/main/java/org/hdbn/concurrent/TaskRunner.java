package org.hdbn.concurrent;

import java.util.function.IntConsumer;

/**
 * Runs independent numbered tasks, possibly several at once. Callers give it only tasks whose
 * results do not depend on which thread runs them or in which order (each writes its own outputs),
 * so the outcome is the same with any number of threads.
 */
@FunctionalInterface
public interface TaskRunner {

    /**
     * Runs {@code task} for 0 .. count-1 and returns when all have ended. When tasks fail, the
     * failure of the lowest number is thrown.
     */
    void run(int count, IntConsumer task);

    /** Runs the tasks one after another on the calling thread. */
    static TaskRunner sequential() {
        return (count, task) -> {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
        };
    }
}
