package org.hdbn.run;

/**
 * Where a training run is: the stage, the epoch within it (1-based), how many batches of that
 * epoch are done, epochs completed over all stages, and optimizer steps taken. A checkpoint saves
 * it; resuming starts from it.
 */
public record TrainingPosition(int stage, int epoch, int batchesDone, int epochsCompleted, long steps) {

    public static final TrainingPosition START = new TrainingPosition(0, 1, 0, 0, 0);
}
