package org.hdbn.gate;

/**
 * Fits a {@link Gate} to one feature vector per entity. All configuration, the random seed
 * included, is given to the fitter's constructor, so a fitter fits the same gate to the same
 * features every time.
 *
 * <p>Row {@code e} of the features describes entity {@code e}. A row of all zeros means the
 * entity has no features (for example a user with no training interactions): such entities take
 * no part in the fit and are assigned the gate's fallback group, never dropped.
 */
public interface GateFitter {

    /**
     * Fits a gate.
     *
     * @param features one row per entity, all rows of the same length, all entries finite
     * @throws IllegalArgumentException if the matrix is empty, ragged or holds a non-finite value,
     *     or has too few rows with features for this fitter
     */
    Gate fit(double[][] features);
}
