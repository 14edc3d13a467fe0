package org.hdbn.examples.recommender;

import java.util.Locale;
import java.util.Objects;
import org.hdbn.data.Interactions;
import org.hdbn.eval.BlockScorer;
import org.hdbn.eval.SparseScores;
import org.hdbn.run.data.Dataset;

/**
 * Another recommender's scores plus the user's own play counts:
 * <pre>  score(u, e, i) = base(u, e, i) + alpha c(u, i) + beta c(u, i, e)</pre>
 * with {@code c(u, i)} the user's training triples with song {@code i} and {@code c(u, i, e)} those
 * under the query's emotion tag {@code e} ({@link PlayCounts}). With {@code beta = 0} it is
 * emotion-blind re-listening; {@code beta > 0} makes the songs a user played in the same mood come
 * first. Only the user's own songs change, so the scorer adds the counts to the base scores
 * sparsely, per query ({@link SparseScores}).
 */
public final class PlayCountBoost implements Recommender {

    private final String name;
    private final Recommender base;
    private final PlayCounts counts;
    private final double alpha;
    private final double beta;

    /**
     * @param name   the name it is reported under
     * @param alpha  weight of the total count, finite
     * @param beta   weight of the count under the query's tag, finite
     */
    public PlayCountBoost(String name, Recommender base, PlayCounts counts, double alpha, double beta) {
        if (!Double.isFinite(alpha) || !Double.isFinite(beta)) {
            throw new IllegalArgumentException("play-count weights must be finite, got alpha " + alpha + ", beta " + beta);
        }
        this.name = Objects.requireNonNull(name, "name");
        this.base = Objects.requireNonNull(base, "base");
        this.counts = Objects.requireNonNull(counts, "counts");
        this.alpha = alpha;
        this.beta = beta;
    }

    public Recommender base() {
        return base;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public BlockScorer scorer(Dataset data, Interactions queries) {
        BlockScorer inner = base.scorer(data, queries);
        int[] users = queries.users();
        int[] tags = queries.contexts();
        // per query: alpha c(u, i) on each of the user's songs, then beta c(u, i, e) on those played under its tag
        SparseScores plays = (q, visit) -> {
            if (alpha != 0) {
                int[] songs = counts.songsOf(users[q]);
                double[] c = counts.totalsOf(users[q]);
                for (int k = 0; k < songs.length; k++) {
                    visit.accept(songs[k], alpha * c[k]);
                }
            }
            if (beta != 0) {
                counts.forEachUnderTag(users[q], tags[q], (song, c) -> visit.accept(song, beta * c));
            }
        };
        return plays.addTo(inner);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s[%s + %g c(u,i) + %g c(u,i,e)]", name, base, alpha, beta);
    }
}
