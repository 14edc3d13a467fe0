package org.hdbn.run;

import java.util.List;
import java.util.Map;

/**
 * Where a trained model came from (its provenance), saved beside its parameters.
 *
 * @param format           always {@code hdbn-model}
 * @param version          {@value #FORMAT_VERSION}
 * @param hdbnVersion      the release that trained it
 * @param javaVersion      the JVM that trained it
 * @param engine           the autodiff engine used
 * @param seed             the training seed
 * @param dataName         the data set's name ({@code Dataset.name()}, for a folder its name)
 * @param dataDir          the data set's folder when trained, if it came from one (evaluation's default)
 * @param dataFingerprint  SHA-256 over the data files read; evaluation refuses other data
 * @param dims             the data dimensions the spec was built with
 * @param epochs           epochs run
 * @param steps            optimizer steps taken
 * @param trainSeconds     wall-clock training time
 * @param epochLosses      the mean weighted training loss of every epoch, in order (absent in
 *                         models saved before it was recorded)
 */
public record ModelInfo(String format, int version, String hdbnVersion, String javaVersion, String engine, long seed,
        String dataName, String dataDir, String dataFingerprint, Map<String, Integer> dims, int epochs, long steps, double trainSeconds,
        List<Double> epochLosses) {

    public ModelInfo {
        epochLosses = epochLosses == null ? List.of() : List.copyOf(epochLosses);
    }

    /** Version 2: the fitted resources in {@code model.json} (version 1 kept the one gate in {@code gate.json}). */
    public static final int FORMAT_VERSION = 2;
    public static final String FORMAT = "hdbn-model";
}
