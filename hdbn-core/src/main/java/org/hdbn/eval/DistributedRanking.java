package org.hdbn.eval;

import java.nio.file.Path;
import java.util.ServiceLoader;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;

/**
 * Ranking run somewhere other than this process's threads, such as the executors of a cluster.
 * Implementations are found through {@link ServiceLoader} and chosen by {@link #name()}; hdbn-spark
 * provides {@code spark}. An implementation must give exactly the result of
 * {@link RankingEvaluator#evaluate(BlockScorer, Interactions, SeenItems)} on {@link TowerScores#scorer()}.
 */
public interface DistributedRanking {

    /** The name a command line chooses it by, e.g. {@code spark}. */
    String name();

    /**
     * Ranks every evaluation row against every item.
     *
     * @param address where to run, in the implementation's terms (for Spark, a master URL such as {@code local[2]})
     */
    EvaluationResult evaluate(String address, RankingEvaluator evaluator, TowerScores scores, Interactions eval,
            SeenItems train);

    /**
     * Writes the best {@code k} items of every query (row {@code q} of {@code queries}: a user and a
     * context; its item column is ignored) to {@code out}, with their scores, by model index and by
     * external id.
     *
     * @param ids the external ids of the users, contexts and items the indexes stand for
     * @param excludeSeen whether each user's training items are left out of their lists
     */
    void recommendAll(String address, TowerScores scores, Interactions queries, EntityIdTables ids, SeenItems train,
            boolean excludeSeen, int k, Path out);

    /**
     * The installed implementation of that name.
     *
     * @throws IllegalArgumentException naming the installed ones when none has that name
     */
    static DistributedRanking byName(String name) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (DistributedRanking r : ServiceLoader.load(DistributedRanking.class,
                Thread.currentThread().getContextClassLoader())) {
            if (r.name().equals(name)) {
                return r;
            }
            names.add(r.name());
        }
        throw new IllegalArgumentException("no distributed ranking named '" + name + "' is installed"
                + (names.isEmpty() ? " (none is: put hdbn-spark on the class path; the ./hdbn launcher has it)"
                        : "; installed: " + names));
    }
}
