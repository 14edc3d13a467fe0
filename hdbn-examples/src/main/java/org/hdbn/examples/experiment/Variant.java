package org.hdbn.examples.experiment;

import java.io.PrintStream;
import java.util.List;
import org.hdbn.examples.recommender.Recommender;
import org.hdbn.run.data.Dataset;

/**
 * One row of an experiment: a way to fit a {@link Recommender} on a data set's training split.
 */
public interface Variant {

    /**
     * A fitted variant.
     *
     * @param recommender  what is evaluated
     * @param epochLosses  mean training loss per epoch (empty for a closed-form fit)
     * @param seconds      wall-clock fitting time
     * @param note         how it was configured, e.g. a hyperparameter chosen on validation (or null)
     */
    record Fit(Recommender recommender, List<Double> epochLosses, double seconds, String note) {

        public Fit {
            epochLosses = List.copyOf(epochLosses);
        }
    }

    /** The name it is reported under. */
    String name();

    /** One line on what it is. */
    String description();

    /** Whether its fit depends on the seed; a variant that does not is fitted once and its result reused. */
    boolean seeded();

    /**
     * Fits it.
     *
     * @param progress where progress lines go (null: silent)
     */
    Fit fit(Dataset data, long seed, PrintStream progress);
}
