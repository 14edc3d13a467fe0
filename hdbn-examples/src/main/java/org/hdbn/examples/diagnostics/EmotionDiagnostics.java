package org.hdbn.examples.diagnostics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.hdbn.autodiff.Graph;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.diagnostics.LatentHealth;
import org.hdbn.eval.BlockScorer;
import org.hdbn.eval.ContextGain;
import org.hdbn.eval.ContextSensitivity;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.PairedComparison;
import org.hdbn.eval.Protocol;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.examples.recommender.Recommender;
import org.hdbn.examples.recommender.SpecRecommender;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.run.ModelEvaluator;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.data.Dataset;

/**
 * Whether a recommender uses the emotion, measured three ways:
 * <ul>
 *   <li><b>emotion gain</b> ({@link ContextGain}): NDCG@10 with the true emotions minus NDCG@10
 *       with a seeded permutation of the split's emotions, per protocol, with paired p-values;</li>
 *   <li><b>sensitivity</b> ({@link ContextSensitivity}): on a seeded sample of triples, each also
 *       scored under a few other emotions, the overlap of the top-10 lists with the true emotion's
 *       and the spread of a song's score across emotions relative to the spread across songs;</li>
 *   <li><b>latent health</b>, for a trained model only ({@link LatentHealth}): KL per dimension and
 *       active units of every latent node the query tower needs, the entropy of every categorical
 *       prediction it needs (HDBN's mood preference), and how far that prediction moves across
 *       emotions on the sensitivity sample (mean total variation distance to the true emotion's).</li>
 * </ul>
 * Everything works through {@link Recommender#scorer}, so any recommender (a baseline, a trained
 * spec, a new scorer) can be diagnosed; latent nodes and categorical predictions are found by role.
 */
public final class EmotionDiagnostics {

    /**
     * How much to sample.
     *
     * @param seed     seeds the emotion permutation and the sensitivity sample
     * @param triples  triples in the sensitivity sample
     * @param emotions other emotions per sampled triple
     * @param k        list length compared
     */
    public record Options(long seed, int triples, int emotions, int k) {

        public static final int DEFAULT_TRIPLES = 500;
        public static final int DEFAULT_EMOTIONS = 10;

        public Options {
            if (triples < 1 || emotions < 1 || k < 1) {
                throw new IllegalArgumentException("diagnostics need at least 1 triple, 1 other emotion and k >= 1, got "
                        + triples + ", " + emotions + ", " + k);
            }
        }

        /** The same sampling with another seed. */
        public Options withSeed(long s) {
            return new Options(s, triples, emotions, k);
        }

        /** 500 triples, 10 other emotions, top 10. */
        public static Options defaults(long seed) {
            return new Options(seed, DEFAULT_TRIPLES, DEFAULT_EMOTIONS, 10);
        }
    }

    /**
     * A categorical prediction's health and how it moves across emotions.
     *
     * @param health       entropy and mean row
     * @param shift        mean over the sensitivity sample's (triple, other emotion) pairs of the total
     *                     variation distance between the prediction under the other and the true emotion
     */
    public record Categorical(LatentHealth.Categorical health, double shift) {
    }

    /**
     * Everything measured.
     *
     * @param gain               per protocol, true against shuffled emotions (NDCG@10; mean difference = gain)
     * @param shuffledPerTriple  per protocol, NDCG@10 per counted triple with shuffled emotions
     *                           (for tests pooled over seeds)
     * @param sensitivity        overlap and spread
     * @param latents            every latent node (empty for a recommender without a model graph)
     * @param categoricals       every categorical prediction (empty likewise)
     * @param seconds            time taken
     */
    public record Result(Map<Protocol, PairedComparison> gain, Map<Protocol, double[]> shuffledPerTriple,
            ContextSensitivity.Result sensitivity, List<LatentHealth.Latent> latents, List<Categorical> categoricals,
            double seconds) {

        public Result {
            gain = java.util.Collections.unmodifiableMap(new EnumMap<>(gain));
            shuffledPerTriple = java.util.Collections.unmodifiableMap(new EnumMap<>(shuffledPerTriple));
            latents = List.copyOf(latents);
            categoricals = List.copyOf(categoricals);
        }

        /** The measurements as nested maps for JSON (without the per-triple arrays). */
        public Map<String, Object> toMap() {
            Map<String, Object> out = new LinkedHashMap<>();
            Map<String, Object> g = new LinkedHashMap<>();
            gain.forEach((p, c) -> g.put(p.label(), comparison(c)));
            out.put("emotionGain", g);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("triples", sensitivity.triples());
            s.put("otherEmotions", sensitivity.others());
            s.put("k", sensitivity.k());
            s.put("overlapAllSongs", sensitivity.overlapAll());
            s.put("overlapNewSongs", sensitivity.overlapUnseen());
            s.put("listsChanged", sensitivity.changedShare());
            s.put("scoreSpreadAcrossEmotions", sensitivity.contextSpread());
            s.put("scoreSpreadAcrossSongs", sensitivity.itemSpread());
            s.put("spreadRatio", sensitivity.spreadRatio());
            out.put("sensitivity", s);
            List<Object> ls = new ArrayList<>();
            for (LatentHealth.Latent l : latents) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("node", l.node());
                m.put("size", l.size());
                m.put("kl", Double.isNaN(l.kl()) ? null : l.kl());
                m.put("klPerDimension", l.klPerDimension());
                m.put("activeUnits", l.activeUnits());
                m.put("posteriorMeanVariance", l.meanVariance());
                ls.add(m);
            }
            out.put("latents", ls);
            List<Object> cs = new ArrayList<>();
            for (Categorical c : categoricals) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("node", c.health().node());
                m.put("meanEntropy", c.health().meanEntropy());
                m.put("entropyOfMean", c.health().entropyOfMean());
                m.put("maxEntropy", c.health().maxEntropy());
                m.put("meanDistribution", c.health().mean());
                m.put("shiftAcrossEmotions", c.shift());
                cs.add(m);
            }
            out.put("categoricals", cs);
            out.put("seconds", seconds);
            return out;
        }

        /** A few lines for a terminal. */
        public String toText() {
            StringBuilder sb = new StringBuilder();
            sb.append("emotion gain (NDCG@10 with the true emotions minus with a seeded permutation of them; paired "
                    + "t-test / Wilcoxon p):\n");
            for (Protocol p : List.of(Protocol.STRICT, Protocol.FULL, Protocol.PAPER)) {
                PairedComparison c = gain.get(p);
                if (c != null) {
                    sb.append(String.format(Locale.ROOT, "  %-7s %+.5f  (%.5f vs %.5f)  p %s / %s%n", p.label(),
                            c.meanDifference(), c.meanA(), c.meanB(), p(c.tPValue()), p(c.wilcoxonPValue())));
                }
            }
            ContextSensitivity.Result s = sensitivity;
            sb.append(String.format(Locale.ROOT, "sensitivity (%d sampled triples x %d other emotions, top %d):%n",
                    s.triples(), s.others(), s.k()));
            sb.append(String.format(Locale.ROOT, "  top-%d overlap with the true emotion's list: all songs %.3f, new "
                    + "songs %.3f; lists changed %.1f%%%n", s.k(), s.overlapAll(), s.overlapUnseen(),
                    100 * s.changedShare()));
            sb.append(String.format(Locale.ROOT, "  score spread across emotions %.3g / across songs %.3g = %.3g%n",
                    s.contextSpread(), s.itemSpread(), s.spreadRatio()));
            if (!latents.isEmpty() || !categoricals.isEmpty()) {
                sb.append("latent health (posterior means over the evaluation queries):\n");
            }
            for (LatentHealth.Latent l : latents) {
                sb.append(String.format(Locale.ROOT, "  %-16s KL %.4g, active units %d/%d, KL per dimension %s%n",
                        l.node(), l.kl(), l.activeUnits(), l.size(), compact(l.klPerDimension())));
            }
            for (Categorical c : categoricals) {
                var h = c.health();
                sb.append(String.format(Locale.ROOT, "  %-16s entropy %.4f nats (of the mean prediction %.4f; at most "
                        + "%.4f), shift across emotions (total variation) %.4g%n", h.node(), h.meanEntropy(),
                        h.entropyOfMean(), h.maxEntropy(), c.shift()));
            }
            return sb.toString();
        }
    }

    private EmotionDiagnostics() {
    }

    /**
     * Diagnoses a recommender on the evaluation triples it was just evaluated on.
     *
     * @param actual  its evaluation of {@code eval} with the default evaluator
     * @param threads threads ranking the shuffled triples
     */
    public static Result measure(Recommender recommender, Dataset data, Interactions eval,
            EvaluationResult actual, SeenItems seen, Options options, int threads) {
        long t0 = System.nanoTime();
        Function<Interactions, BlockScorer> scorers = q -> recommender.scorer(data, q);
        ContextGain.Result gain = ContextGain.measure(actual, scorers, eval, seen, RankingEvaluator.withDefaults(),
                options.seed(), threads);
        Map<Protocol, double[]> shuffled = new EnumMap<>(Protocol.class);
        for (Protocol p : Protocol.values()) {
            shuffled.put(p, gain.shuffled().metrics(p).perTriple(ContextGain.METRIC));
        }
        ContextSensitivity.Sample sample = ContextSensitivity.sample(eval, data.contexts().size(), options.triples(),
                options.emotions(), options.seed());
        ContextSensitivity.Result sensitivity = ContextSensitivity.measure(sample, scorers, seen, options.k());
        List<LatentHealth.Latent> latents = List.of();
        List<Categorical> categoricals = new ArrayList<>();
        if (recommender instanceof SpecRecommender model) {
            ModelGraph graph = model.model().graph();
            LatentHealth.Report report = LatentHealth.measure(graph, model.engine(), List.of(ModelSpec.QUERY), eval.size(),
                    BLOCK, from -> ModelEvaluator.queryBatch(eval, from, Math.min(eval.size(), from + BLOCK)));
            latents = report.latents();
            for (LatentHealth.Categorical c : report.categoricals()) {
                categoricals.add(new Categorical(c, shift(graph, model, c.node(), sample)));
            }
        }
        return new Result(gain.byProtocol(), shuffled, sensitivity, latents, categoricals,
                (System.nanoTime() - t0) / 1e9);
    }

    private static final int BLOCK = 2048;

    /** Mean total variation distance between a categorical node's rows under the true and each other emotion. */
    private static double shift(ModelGraph graph, SpecRecommender model, String node, ContextSensitivity.Sample sample) {
        Interactions q = sample.queries();
        int group = sample.group();
        double sum = 0;
        // whole groups per block, so a triple's rows are scored together
        int block = Math.max(group, BLOCK / group * group);
        for (int from = 0; from < q.size(); from += block) {
            int to = Math.min(q.size(), from + block);
            double[] p;
            int k;
            try (Graph g = model.engine().openInference()) {
                var v = graph.forward(g, ModelEvaluator.queryBatch(q, from, to), ForwardMode.means(), List.of(node))
                        .value(node).value();
                p = v.data();
                k = v.cols();
            }
            for (int t = 0; t < (to - from) / group; t++) {
                int own = t * group * k;
                for (int c = 1; c < group; c++) {
                    double tv = 0;
                    for (int j = 0; j < k; j++) {
                        tv += Math.abs(p[(t * group + c) * k + j] - p[own + j]);
                    }
                    sum += tv / 2;
                }
            }
        }
        return sum / ((double) sample.rows().length * sample.others());
    }

    static Map<String, Object> comparison(PairedComparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", c.n());
        m.put("meanTrue", c.meanA());
        m.put("meanShuffled", c.meanB());
        m.put("gain", c.meanDifference());
        m.put("tPValue", c.tPValue());
        m.put("wilcoxonPValue", c.wilcoxonPValue());
        return m;
    }

    private static String compact(double[] v) {
        if (v == null) {
            return "n/a (prior not Gaussian)";
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3g", v[i]));
        }
        return sb.append(']').toString();
    }

    static String p(double v) {
        return v < 1e-4 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
