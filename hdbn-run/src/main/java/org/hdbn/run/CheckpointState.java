package org.hdbn.run;

import java.util.List;

/**
 * What a checkpoint records beside the parameters (with their optimizer slots) and the gate: enough
 * to continue the run exactly as if it had not stopped.
 *
 * @param format           always {@code hdbn-checkpoint}
 * @param version          {@value #FORMAT_VERSION}
 * @param spec             the spec being trained
 * @param seed             the run's seed
 * @param modelDir         where the finished model goes
 * @param dataDir          the data folder
 * @param dataFingerprint  the data's fingerprint, checked on resume
 * @param position         the next batch to train on
 * @param epochLosses      mean training loss of each completed epoch
 * @param seconds          training time so far
 */
public record CheckpointState(String format, int version, ModelSpec spec, long seed, String modelDir, String dataDir,
        String dataFingerprint, TrainingPosition position, List<Double> epochLosses, double seconds) {

    public static final String FORMAT = "hdbn-checkpoint";
    public static final int FORMAT_VERSION = 1;
}
