package org.hdbn.examples.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hdbn.autodiff.Engines;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.DistributedRanking;
import org.hdbn.eval.EntityIdTables;
import org.hdbn.examples.recommender.SpecRecommender;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hdbn recommend-all}: the top K of every (user, context) pair asked for, ranked on Spark's
 * executors and written as Parquet. The query and item towers are computed here; the ranking,
 * with the code and order of {@code evaluate}, runs on the cluster.
 */
@Command(name = "recommend-all", mixinStandardHelpOptions = true,
        description = "Write the top K songs of every (user, emotion) pair as Parquet, ranked on Apache Spark "
                + "(hdbn-spark): columns query, user, context, items (best first) and scores with the model's indexes, "
                + "and user_id, context_id and item_ids (best first) with the data set's own ids.")
final class RecommendAllCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model folder.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "Data set folder (default: the one the model was trained on).")
    Path data;

    @Option(names = "--spark", paramLabel = "MASTER", defaultValue = "local[*]",
            description = "Spark master: local[N] embedded, or spark://HOST:PORT, yarn, k8s://... (default: ${DEFAULT-VALUE}).")
    String spark;

    @Option(names = "--out", paramLabel = "PATH", required = true, description = "Parquet folder written (replaced if present).")
    Path out;

    @Option(names = "--pairs", paramLabel = "FILE",
            description = "Triples in the data set's format whose (user, emotion) pairs are asked for; the song column "
                    + "is ignored (default: every distinct (user, emotion) pair of the training split).")
    Path pairs;

    @Option(names = {"-k", "--top"}, paramLabel = "K", defaultValue = "20", description = "List length (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--include-seen", description = "Keep each user's training songs in their list (default: left out).")
    boolean includeSeen;

    @Option(names = "--samples", paramLabel = "S", defaultValue = "0",
            description = "Monte Carlo samples averaged; 0 uses the posterior means (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "tape", description = "Autodiff engine (default: ${DEFAULT-VALUE}).")
    String engine;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        if (k < 1) {
            throw new IllegalArgumentException("-k must be at least 1, got " + k);
        }
        if (samples < 0) {
            throw new IllegalArgumentException("--samples must be 0 or positive, got " + samples);
        }
        ModelOptions.Opened opened = ModelOptions.open(model, data, new SpecMapper());
        Interactions queries = distinctPairs(pairs == null ? opened.data().train() : opened.data().readInteractions(pairs));
        long t0 = System.nanoTime();
        SpecRecommender recommender = new SpecRecommender(opened.model(), Engines.byName(engine), samples,
                opened.model().info().seed());
        DistributedRanking.byName("spark").recommendAll(spark, recommender.towerScores(opened.data(), queries), queries,
                idTables(opened.data()), SeenItems.of(opened.data().train()), !includeSeen, k, out);
        command.commandLine().getOut().printf("wrote the top %d of %d (user, emotion) pairs to %s in %.1f s (Spark %s)%n",
                k, queries.size(), out, (System.nanoTime() - t0) / 1e9, spark);
        return 0;
    }

    /** The data set's external ids (from the model's saved copy when the data folder is gone). */
    static EntityIdTables idTables(Dataset data) {
        return new EntityIdTables(data.users().ids(), data.contexts().ids(), data.items().ids());
    }

    /** The distinct (user, context) pairs in order of first appearance, as queries (item column 0). */
    static Interactions distinctPairs(Interactions rows) {
        Set<Long> seen = new LinkedHashSet<>();
        for (int r = 0; r < rows.size(); r++) {
            seen.add(((long) rows.users()[r] << 32) | rows.contexts()[r]);
        }
        int[] users = new int[seen.size()];
        int[] contexts = new int[seen.size()];
        int q = 0;
        for (long pair : seen) {
            users[q] = (int) (pair >>> 32);
            contexts[q++] = (int) pair;
        }
        return new Interactions(users, new int[users.length], contexts);
    }
}
