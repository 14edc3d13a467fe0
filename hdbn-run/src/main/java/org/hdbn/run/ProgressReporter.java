package org.hdbn.run;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.hdbn.train.StepReport;

/**
 * Progress lines for long runs: within an epoch at most every {@value #INTERVAL_SECONDS} seconds,
 * and a summary at each epoch's end with the loss as the sum of its terms (each term's mean as it
 * entered the loss: value times weight times its schedule's multiplier, so they add up to the
 * loss printed), the time taken and the time left.
 */
final class ProgressReporter {

    private final PrintStream out;
    private final int totalEpochs;
    private final long start = System.nanoTime();
    private final Map<String, Double> sums = new LinkedHashMap<>();
    private double totalSum;
    private int steps;
    private long epochStart;
    private int epochsDone;
    private long lastLine;

    static final int INTERVAL_SECONDS = 10;

    ProgressReporter(PrintStream out, int totalEpochs) {
        this.out = out;
        this.totalEpochs = totalEpochs;
    }

    void startEpoch() {
        sums.clear();
        totalSum = 0;
        steps = 0;
        epochStart = System.nanoTime();
        lastLine = epochStart;
    }

    void step(StepReport r, int batchesPerEpoch, String stage, int epoch) {
        r.weighted().forEach((k, v) -> sums.merge(k, v, Double::sum));
        totalSum += r.total();
        steps++;
        long now = System.nanoTime();
        if (out != null && now - lastLine > INTERVAL_SECONDS * 1_000_000_000L && steps < batchesPerEpoch) {
            lastLine = now;
            out.printf(Locale.ROOT, "  %s epoch %d: %d/%d batches, loss %.5f%n", stage, epoch, steps, batchesPerEpoch,
                    totalSum / steps);
        }
    }

    /** Ends an epoch; returns the mean total loss. */
    double endEpoch(String stage, int epoch, int stageEpochs, String extra) {
        epochsDone++;
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        double elapsed = (System.nanoTime() - start) / 1e9;
        double left = elapsed / epochsDone * (totalEpochs - epochsDone);
        if (out != null) {
            StringBuilder terms = new StringBuilder();
            sums.forEach((k, v) -> terms.append(String.format(Locale.ROOT, "%s %s %.4g", terms.length() == 0 ? "" : " +",
                    k, v / Math.max(1, steps))));
            out.printf(Locale.ROOT, "%s epoch %d/%d: loss %.5f = weighted terms [%s ] %.1fs, %.0fs left%s%n", stage, epoch,
                    stageEpochs,
                    totalSum / Math.max(1, steps), terms, seconds, left, extra == null ? "" : ", " + extra);
        }
        return totalSum / Math.max(1, steps);
    }

    double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }
}
