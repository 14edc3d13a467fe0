package org.hdbn.examples.recommender;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hdbn.run.data.Dataset;

/**
 * EASE fits kept by data set and lambda for the length of one experiment run: the inversion takes
 * about 100 s on EmoMusicLJ, and the EASE row and the rows that add play counts to it search the
 * same lambdas. Each fit holds an {@code n x n} matrix (305 MB for EmoMusicLJ's 6,180 songs), so
 * a cache lives only as long as the run that made it.
 *
 * <p>Not thread-safe; one experiment fits its variants one after another.
 */
public final class EaseCache {

    private final Map<Dataset, Map<Double, Ease>> fits = new IdentityHashMap<>();

    /** The EASE fit of that data set and lambda, computed on first use. */
    public Ease get(Dataset data, double lambda) {
        return fits.computeIfAbsent(data, d -> new LinkedHashMap<>()).computeIfAbsent(lambda, l -> Ease.fit(data, l));
    }

    /** Number of fits held. */
    public int size() {
        return fits.values().stream().mapToInt(Map::size).sum();
    }
}
