package org.hdbn.examples.recommender;

import org.hdbn.data.Interactions;
import org.hdbn.eval.BlockScorer;
import org.hdbn.run.data.Dataset;

/**
 * A fitted recommender for (user, song, emotion) queries: whatever it is (a trained model spec, a
 * popularity count, EASE), it ranks through a {@link BlockScorer}, so every baseline and variant
 * is evaluated and exported by the same code path.
 */
public interface Recommender {

    /** The name it is reported under. */
    String name();

    /**
     * Scores every song for each query row.
     *
     * @param data the data set it was fitted on
     * @param queries (user, song, emotion) rows; the song column is not read
     */
    BlockScorer scorer(Dataset data, Interactions queries);
}
