package org.hdbn.optim;

/** The learning rate as a function of the number of steps already taken. */
@FunctionalInterface
public interface LearningRateSchedule {

    double rate(long step);

    static LearningRateSchedule constant(double rate) {
        requirePositive(rate, "learning rate");
        return step -> rate;
    }

    /**
     * Staircase exponential decay: {@code initial * decay^floor(step / every)}, as the HDBN paper's
     * Adam schedule (0.05, 0.99 every 1024 steps).
     */
    static LearningRateSchedule staircaseExponential(double initial, double decay, long every) {
        requirePositive(initial, "learning rate");
        requirePositive(decay, "decay");
        if (every <= 0) {
            throw new IllegalArgumentException("decay interval must be positive, got " + every);
        }
        return step -> initial * Math.pow(decay, Math.floorDiv(step, every));
    }

    private static void requirePositive(double v, String what) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + v);
        }
    }
}
