package org.hdbn.examples.bench;

import java.util.Arrays;

/**
 * The epochs' wall times of a bench run and the figure its summary quotes: the median of the
 * epochs after the first (which includes the JIT's warm-up), with their range. On a machine whose
 * epochs vary by 10% from one to the next, the last epoch alone says less than the median.
 */
record EpochTimes(double[] seconds) {

    EpochTimes {
        if (seconds.length == 0) {
            throw new IllegalArgumentException("no epochs timed");
        }
        seconds = seconds.clone();
    }

    /** The epochs the summary counts: 2 to N, or the only one. */
    private double[] counted() {
        return seconds.length == 1 ? seconds.clone() : Arrays.copyOfRange(seconds, 1, seconds.length);
    }

    /** The median of the counted epochs (the mean of the middle two for an even count). */
    double median() {
        double[] s = counted();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    double fastest() {
        return Arrays.stream(counted()).min().orElseThrow();
    }

    double slowest() {
        return Arrays.stream(counted()).max().orElseThrow();
    }

    /** Which epochs the median is of, for the report: "epoch 1" or "epochs 2-N". */
    String which() {
        int n = seconds.length;
        return n == 1 ? "epoch 1, JIT warm-up included" : n == 2 ? "epoch 2" : "median of epochs 2-" + n;
    }
}
