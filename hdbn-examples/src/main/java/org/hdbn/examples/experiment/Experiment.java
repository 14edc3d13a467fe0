package org.hdbn.examples.experiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hdbn.data.Interactions;
import org.hdbn.data.SeenItems;
import org.hdbn.eval.CsvHeader;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.PairedComparison;
import org.hdbn.eval.PairedSignificance;
import org.hdbn.eval.Protocol;
import org.hdbn.eval.RankingEvaluator;
import org.hdbn.eval.RecommendationsCsv;
import org.hdbn.examples.diagnostics.EmotionDiagnostics;
import org.hdbn.examples.recommender.Recommender;
import org.hdbn.examples.recommender.SpecRecommender;
import org.hdbn.gate.GateSpec;
import org.hdbn.gate.SingleGateSpec;
import org.hdbn.graph.Dim;
import org.hdbn.run.DataBinding;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.data.Dataset;
import org.hdbn.smile.KMeansGateSpec;

/**
 * Runs an experiment: fits every variant under every seed (seed {@code s} is {@code baseSeed + s};
 * a variant that does not depend on the seed is fitted once), evaluates each under every protocol
 * on the same triples, writes each variant's first-seed recommendations, tests the reference row
 * against every other with paired tests, and on the reference model sweeps the number of Monte
 * Carlo samples and the number of k-means user groups.
 */
public final class Experiment {

    /**
     * @param variants     the rows, reference first is not required; names must be distinct
     * @param reference    the name of the row tested against the others and swept (usually hdbn)
     * @param seeds        number of seeds, at least 1
     * @param baseSeed     the first seed
     * @param epochs       the epochs override the variants were built with (reported only), or null
     * @param mcSamples    Monte Carlo sample counts to evaluate the reference with (may be empty)
     * @param groupSweep   numbers of user groups to retrain the reference with; 1 is the single gate (may be empty)
     * @param exportHeader the recommendation export's header
     * @param diagnostics  how to sample the emotion diagnostics of every run (re-seeded with the run's
     *                     seed), or null to skip them
     */
    public record Config(List<Variant> variants, String reference, int seeds, long baseSeed, Integer epochs,
            List<Integer> mcSamples, List<Integer> groupSweep, CsvHeader exportHeader,
            EmotionDiagnostics.Options diagnostics) {

        public Config {
            variants = List.copyOf(variants);
            mcSamples = List.copyOf(mcSamples);
            groupSweep = List.copyOf(groupSweep);
            if (variants.isEmpty()) {
                throw new IllegalArgumentException("an experiment needs at least one variant");
            }
            if (seeds < 1) {
                throw new IllegalArgumentException("seeds must be at least 1, got " + seeds);
            }
            Set<String> names = new HashSet<>();
            for (Variant v : variants) {
                if (!names.add(v.name())) {
                    throw new IllegalArgumentException("variant '" + v.name() + "' is listed twice");
                }
            }
            if (!names.contains(reference)) {
                throw new IllegalArgumentException("the reference variant '" + reference + "' is not among " + names);
            }
            for (int s : mcSamples) {
                if (s < 1) {
                    throw new IllegalArgumentException("Monte Carlo sample counts must be at least 1, got " + s);
                }
            }
            for (int k : groupSweep) {
                if (k < 1) {
                    throw new IllegalArgumentException("group counts must be at least 1, got " + k);
                }
            }
        }
    }

    /** The variants' folder under the output folder, holding one folder per variant. */
    public static final String VARIANTS_DIR = "variants";
    public static final String RECOMMENDATIONS = "recommendations.csv";

    private final Config config;

    public Experiment(Config config) {
        this.config = config;
    }

    /**
     * Runs it and writes each variant's recommendations under {@code out}.
     *
     * @param evalName how the evaluation triples are named in reports
     * @param progress where progress lines go (null: silent)
     */
    public ExperimentResults run(Dataset data, Interactions eval, String evalName, Path out, PrintStream progress)
            throws IOException {
        long t0 = System.nanoTime();
        SeenItems seen = SeenItems.of(data.train());
        List<VariantResult> rows = new ArrayList<>();
        Map<Integer, List<EvaluationResult>> mc = new LinkedHashMap<>();
        // Monte Carlo passes need a trained model: a baseline reference (e.g. an experiment of baselines only) skips them
        boolean trainedReference = config.variants().stream()
                .anyMatch(v -> v.name().equals(config.reference()) && v instanceof SpecVariant);
        if (trainedReference) {
            config.mcSamples().forEach(s -> mc.put(s, new ArrayList<>()));
        } else if (!config.mcSamples().isEmpty()) {
            log(progress, "Monte Carlo samples %s skipped: the reference '%s' is not a trained model",
                    config.mcSamples(), config.reference());
        }
        int index = 0;
        for (Variant variant : config.variants()) {
            index++;
            boolean reference = variant.name().equals(config.reference());
            List<VariantResult.Run> runs = new ArrayList<>();
            String note = null;
            for (int s = 0; s < config.seeds(); s++) {
                long seed = config.baseSeed() + s;
                if (!variant.seeded() && s > 0) {
                    VariantResult.Run first = runs.get(0);
                    runs.add(new VariantResult.Run(seed, first.result(), first.epochLosses(), first.seconds(),
                            first.diagnostics()));
                    continue;
                }
                log(progress, "[%d/%d] %s, seed %d%s: fitting (%.0f s elapsed)", index, config.variants().size(),
                        variant.name(), seed, variant.seeded() ? "" : " (seed-independent)", elapsed(t0));
                Variant.Fit fit = variant.fit(data, seed, progress);
                note = fit.note();
                EvaluationResult r = evaluate(fit.recommender(), data, eval, seen);
                log(progress, "[%d/%d] %s, seed %d: fitted in %.1f s; %s", index, config.variants().size(),
                        variant.name(), seed, fit.seconds(), headline(r));
                EmotionDiagnostics.Result d = null;
                if (config.diagnostics() != null) {
                    d = EmotionDiagnostics.measure(fit.recommender(), data, eval, r, seen,
                            config.diagnostics().withSeed(seed), Runtime.getRuntime().availableProcessors());
                    log(progress, "[%d/%d] %s, seed %d: emotion gain %s (%.1f s)", index, config.variants().size(),
                            variant.name(), seed, gainHeadline(d), d.seconds());
                }
                runs.add(new VariantResult.Run(seed, r, fit.epochLosses(), fit.seconds(), d));
                if (s == 0) {
                    RecommendationsCsv.write(variantDir(out, variant.name()).resolve(RECOMMENDATIONS),
                            config.exportHeader(), eval, r);
                }
                if (reference && !mc.isEmpty()) {
                    sampleSweep(fit.recommender(), data, eval, seen, mc, progress);
                }
            }
            rows.add(new VariantResult(variant.name(), variant.description(), note, runs));
        }
        VariantResult ref = rows.stream().filter(v -> v.name().equals(config.reference())).findFirst().orElseThrow();
        List<SweepPoint> mcPoints = new ArrayList<>();
        mc.forEach((s, results) -> mcPoints.add(new SweepPoint(s, results, null)));
        List<SweepPoint> groups = groupSweep(data, eval, seen, ref, progress, t0);
        Map<Protocol, Integer> triples = new EnumMap<>(Protocol.class);
        for (Protocol p : Protocol.values()) {
            triples.put(p, ref.results().get(0).metrics(p).triples());
        }
        List<Long> seeds = ref.runs().stream().map(VariantResult.Run::seed).toList();
        return new ExperimentResults(data.name(), evalName, triples, seeds, config.epochs(),
                ref.results().get(0).metricList(), rows, config.reference(), significance(rows, ref), emotionGain(rows),
                mcPoints, groups, elapsed(t0));
    }

    /** The folder of one variant's files; names are made safe for a file system. */
    public static Path variantDir(Path out, String name) {
        return out.resolve(VARIANTS_DIR).resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    private static EvaluationResult evaluate(Recommender r, Dataset data, Interactions eval, SeenItems seen) {
        return RankingEvaluator.withDefaults().evaluateByUser(q -> r.scorer(data, q), eval, seen, 1);
    }

    private void sampleSweep(Recommender fitted, Dataset data, Interactions eval, SeenItems seen,
            Map<Integer, List<EvaluationResult>> mc, PrintStream progress) {
        if (!(fitted instanceof SpecRecommender model)) {
            throw new IllegalArgumentException("Monte Carlo samples need a trained model as the reference, not '"
                    + fitted.name() + "'");
        }
        for (int s : mc.keySet()) {
            long t = System.nanoTime();
            EvaluationResult r = evaluate(model.withSamples(s), data, eval, seen);
            mc.get(s).add(r);
            log(progress, "  %s with %d Monte Carlo samples: %s (%.1f s)", fitted.name(), s, headline(r), elapsed(t));
        }
    }

    private List<SweepPoint> groupSweep(Dataset data, Interactions eval, SeenItems seen, VariantResult ref,
            PrintStream progress, long t0) {
        List<SweepPoint> points = new ArrayList<>();
        if (config.groupSweep().isEmpty()) {
            return points;
        }
        Variant variant = config.variants().stream().filter(v -> v.name().equals(config.reference())).findFirst()
                .orElseThrow();
        if (!(variant instanceof SpecVariant sv) || sv.spec().resources().isEmpty()) {
            throw new IllegalArgumentException("the group sweep needs a reference model with a user gate, not '"
                    + variant.name() + "'");
        }
        // the swept gate is the spec's first resource, the one that groups its users
        String resource = sv.spec().resources().keySet().iterator().next();
        GateSpec gate = sv.spec().resources().get(resource);
        DataBinding binding = new DataBinding(data);
        for (int k : config.groupSweep()) {
            if (gate instanceof KMeansGateSpec km && binding.resolve(km.k()) == k && k > 1) {
                points.add(new SweepPoint(k, ref.results(), "same runs as the " + ref.name() + " row"));
                log(progress, "group sweep k=%d: the %s row's runs", k, ref.name());
                continue;
            }
            ModelSpec spec = sv.spec().withResource(resource, k == 1 ? new SingleGateSpec(gate.features())
                    : new KMeansGateSpec(gate.features(), Dim.of(k), null))
                    .withName(sv.name() + "-k" + k, sv.description());
            SpecVariant swept = new SpecVariant(spec, sv.engine());
            List<EvaluationResult> results = new ArrayList<>();
            for (int s = 0; s < config.seeds(); s++) {
                long seed = config.baseSeed() + s;
                log(progress, "group sweep k=%d, seed %d: training (%.0f s elapsed)", k, seed, elapsed(t0));
                EvaluationResult r = evaluate(swept.fit(data, seed, progress).recommender(), data, eval, seen);
                results.add(r);
                log(progress, "group sweep k=%d, seed %d: %s", k, seed, headline(r));
            }
            points.add(new SweepPoint(k, results, null));
        }
        return points;
    }

    private static Map<String, Map<Protocol, PairedComparison>> significance(List<VariantResult> rows,
            VariantResult ref) {
        Map<String, Map<Protocol, PairedComparison>> out = new LinkedHashMap<>();
        for (VariantResult row : rows) {
            if (row == ref) {
                continue;
            }
            Map<Protocol, PairedComparison> byProtocol = new EnumMap<>(Protocol.class);
            for (Protocol p : Protocol.values()) {
                double[] a = MetricStats.perTripleMean(ref.results(), p, ExperimentResults.TEST_METRIC);
                double[] b = MetricStats.perTripleMean(row.results(), p, ExperimentResults.TEST_METRIC);
                if (a.length >= 2) {
                    byProtocol.put(p, PairedSignificance.compare(a, b));
                }
            }
            out.put(row.name(), byProtocol);
        }
        return out;
    }

    /**
     * Per row with diagnostics, the emotion gain pooled over seeds: per triple, NDCG@10 with the true
     * emotions averaged over seeds against the same with the shuffled ones.
     */
    private static Map<String, Map<Protocol, PairedComparison>> emotionGain(List<VariantResult> rows) {
        Map<String, Map<Protocol, PairedComparison>> out = new LinkedHashMap<>();
        for (VariantResult row : rows) {
            List<EmotionDiagnostics.Result> ds = row.diagnostics();
            if (ds.size() != row.runs().size()) {
                continue;
            }
            Map<Protocol, PairedComparison> byProtocol = new EnumMap<>(Protocol.class);
            for (Protocol p : Protocol.values()) {
                double[] actual = MetricStats.perTripleMean(row.results(), p, ExperimentResults.TEST_METRIC);
                double[] shuffled = new double[actual.length];
                for (EmotionDiagnostics.Result d : ds) {
                    double[] v = d.shuffledPerTriple().get(p);
                    for (int i = 0; i < v.length; i++) {
                        shuffled[i] += v[i] / ds.size();
                    }
                }
                if (actual.length >= 2) {
                    byProtocol.put(p, PairedSignificance.compare(actual, shuffled));
                }
            }
            out.put(row.name(), byProtocol);
        }
        return out;
    }

    private static String gainHeadline(EmotionDiagnostics.Result d) {
        StringBuilder sb = new StringBuilder();
        for (Protocol p : ExperimentResults.PROTOCOLS) {
            PairedComparison c = d.gain().get(p);
            if (c != null) {
                sb.append(sb.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %+.4f (p %.2g)", p.label(),
                        c.meanDifference(), c.tPValue()));
            }
        }
        return sb + String.format(Locale.ROOT, "; top-%d overlap across emotions %.3f", d.sensitivity().k(),
                d.sensitivity().overlapAll());
    }

    static String headline(EvaluationResult r) {
        return String.format(Locale.ROOT, "strict HR@10 %.4f NDCG@10 %.4f, full HR@10 %.4f NDCG@10 %.4f, "
                + "paper HR@10 %.4f NDCG@10 %.4f",
                r.metrics(Protocol.STRICT).mean("HR@10"), r.metrics(Protocol.STRICT).mean("NDCG@10"),
                r.metrics(Protocol.FULL).mean("HR@10"), r.metrics(Protocol.FULL).mean("NDCG@10"),
                r.metrics(Protocol.PAPER).mean("HR@10"), r.metrics(Protocol.PAPER).mean("NDCG@10"));
    }

    private static double elapsed(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void log(PrintStream out, String fmt, Object... args) {
        if (out != null) {
            out.println(String.format(Locale.ROOT, fmt, args));
            out.flush();
        }
    }
}
