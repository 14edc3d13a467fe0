package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hdbn.autodiff.Engines;
import org.hdbn.data.Interactions;
import org.hdbn.eval.CsvHeader;
import org.hdbn.eval.DistributedRanking;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.RecommendationsCsv;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.examples.diagnostics.EmotionDiagnostics;
import org.hdbn.examples.recommender.SpecRecommender;
import org.hdbn.graph.SpecMapper;
import org.hdbn.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn evaluate}: full-ranking metrics of a saved model under the paper, strict and full protocols. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Rank all songs for every evaluation triple; print HR/P/NDCG@{5,10,15,20} and MRR@20 under "
                + "the paper, strict and full protocols, and the emotion diagnostics (gain over shuffled emotions, "
                + "sensitivity of the lists to the emotion, latent health).")
final class EvaluateCommand implements Callable<Integer> {

    /** The header of the recommendations export: the lists without and with the user's training songs. */
    static final CsvHeader EXPORT_HEADER = new CsvHeader("user_id", "song_id", "emo_id", "recommended",
            "recommended_full");

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "Model folder.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", description = "Data set folder, which must hold the data the model was "
            + "trained on (default: the copy of it saved in the model folder).")
    Path data;

    @Option(names = "--eval", paramLabel = "FILE", description = "Evaluation triples in the data set's format (index "
            + "triples CSV user,item,context; default: the data set's validation split).")
    Path eval;

    @Option(names = "--samples", paramLabel = "S", defaultValue = "0",
            description = "Monte Carlo samples averaged; 0 uses the posterior means (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--json", paramLabel = "OUT.json", description = "Also write the metrics as JSON.")
    Path json;

    @Option(names = "--recommendations", paramLabel = "OUT.csv",
            description = "Write each triple's top-20 songs without the user's training songs (recommended) and among "
                    + "all songs (recommended_full): user_id,song_id,emo_id,recommended,recommended_full.")
    Path recommendations;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "tape", description = "Autodiff engine (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--threads", paramLabel = "T", description = "Threads scoring and ranking (default: available "
            + "processors); the metrics do not depend on it.")
    Integer threads;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "Rank on Apache Spark's executors (hdbn-spark): local[N] embedded, or spark://HOST:PORT, yarn, "
                    + "k8s://...; the metrics are exactly those of the single process. The emotion diagnostics, when "
                    + "asked for, still run here.")
    String spark;

    @picocli.CommandLine.Mixin
    DiagnosticsOptions diagnostics;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = command.commandLine().getOut();
        if (samples < 0) {
            throw new IllegalArgumentException("--samples must be 0 or positive, got " + samples);
        }
        SpecMapper mapper = new SpecMapper();
        ModelOptions.Opened opened = ModelOptions.open(model, data, mapper);
        Interactions triples = eval == null ? opened.data().validation() : opened.data().readInteractions(eval);
        if (triples.size() == 0) {
            throw new IllegalArgumentException((eval == null ? "the validation split" : eval.toString()) + " has no triples");
        }
        long t0 = System.nanoTime();
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + t);
        }
        long seed = opened.model().info().seed();
        SpecRecommender recommender = new SpecRecommender(opened.model(), Engines.byName(engine), samples, seed);
        SeenItems seen = SeenItems.of(opened.data().train());
        EvaluationResult r = spark == null
                ? RankingEvaluator.withDefaults().evaluateByUser(q -> recommender.scorer(opened.data(), q), triples, seen, t)
                : DistributedRanking.byName("spark").evaluate(spark, RankingEvaluator.withDefaults(),
                        recommender.towerScores(opened.data(), triples), triples, seen);
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.printf("%s on %s: %d triples ranked against %d songs in %.2f s (%s)%n", opened.model().spec().name(),
                eval == null ? "the validation split" : eval, triples.size(), opened.data().items().size(), seconds,
                (samples == 0 ? "posterior means" : samples + " Monte Carlo samples") + (spark == null ? "" : ", on Spark " + spark));
        out.print(r.toTable());
        EmotionDiagnostics.Result d = null;
        if (diagnostics.enabled()) {
            d = EmotionDiagnostics.measure(recommender, opened.data(), triples, r, seen, diagnostics.options(seed), t);
            out.print(d.toText());
        }
        if (recommendations != null) {
            RecommendationsCsv.write(recommendations, EXPORT_HEADER, triples, r);
            out.println("wrote " + recommendations);
        }
        if (json != null) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", model.toString());
            doc.put("spec", opened.model().spec().name());
            doc.put("data", opened.data().location().map(Path::toString).orElse(opened.data().name()));
            doc.put("eval", eval == null ? "validation" : eval.toString());
            doc.put("samples", samples);
            doc.put("seconds", seconds);
            doc.put("metrics", r.toMap());
            if (d != null) {
                doc.put("diagnostics", d.toMap());
            }
            AtomicFiles.writeString(json, mapper.objectMapper().writeValueAsString(doc));
            out.println("wrote " + json);
        }
        return 0;
    }
}
