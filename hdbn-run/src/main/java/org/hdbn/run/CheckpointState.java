package org.hdbn.run;

import java.util.List;
import java.util.Map;
import org.hdbn.gate.Gate;

/**
 * What a checkpoint records beside the parameters (with their optimizer slots): enough to continue
 * the run exactly as if it had not stopped.
 *
 * @param format           always {@code hdbn-checkpoint}
 * @param version          {@value #FORMAT_VERSION}
 * @param spec             the spec being trained
 * @param seed             the run's seed
 * @param engine           the name of the engine the run trains on (null in a version-2 checkpoint,
 *                         which did not record it)
 * @param modelDir         where the finished model goes
 * @param dataDir          the data folder
 * @param dataFingerprint  the data's fingerprint, checked on resume
 * @param position         the next batch to train on
 * @param epochLosses      mean training loss of each completed epoch
 * @param seconds          training time so far
 * @param resources        the fitted resources (gates) by name
 */
public record CheckpointState(String format, int version, ModelSpec spec, long seed, String engine, String modelDir,
        String dataDir,
        String dataFingerprint, TrainingPosition position, List<Double> epochLosses, double seconds,
        Map<String, Gate> resources) {

    public static final String FORMAT = "hdbn-checkpoint";
    /**
     * Version 3: the engine's name (a resumed run continues on the engine it started on). Version 2,
     * still read: the fitted resources in the state (version 1 kept the gate in {@code gate.json}).
     */
    public static final int FORMAT_VERSION = 3;
    /** The oldest version this release reads. */
    public static final int OLDEST_READ = 2;

    public CheckpointState {
        resources = resources == null ? Map.of() : resources;
    }
}
