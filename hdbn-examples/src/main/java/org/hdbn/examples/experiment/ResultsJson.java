package org.hdbn.examples.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Metric;
import org.hdbn.eval.PairedComparison;
import org.hdbn.eval.Protocol;
import org.hdbn.io.AtomicFiles;

/**
 * Writes {@code results.json}: per variant its per-seed metrics (shaped like {@code score_recs.py}'s
 * output), the mean and standard deviation over seeds, training curves and notes; the paired tests;
 * the Monte Carlo and group sweeps.
 */
public final class ResultsJson {

    public static final String FILE = "results.json";
    public static final int FORMAT_VERSION = 1;

    private ResultsJson() {
    }

    public static void write(ExperimentResults r, Path out) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", "hdbn-experiment");
        doc.put("version", FORMAT_VERSION);
        doc.put("data", r.data());
        doc.put("eval", r.eval());
        doc.put("triples", byLabel(r.triples()));
        doc.put("seeds", r.seeds());
        doc.put("epochs", r.epochs());
        doc.put("reference", r.reference());
        doc.put("seconds", r.seconds());
        List<Object> variants = new ArrayList<>();
        for (VariantResult v : r.variants()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.name());
            m.put("description", v.description());
            m.put("note", v.note());
            m.put("mean", summary(r.metrics(), v.results(), true));
            m.put("std", summary(r.metrics(), v.results(), false));
            List<Object> runs = new ArrayList<>();
            for (VariantResult.Run run : v.runs()) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("seed", run.seed());
                rm.put("seconds", run.seconds());
                rm.put("epochLosses", run.epochLosses());
                rm.put("metrics", run.result().toMap());
                if (run.diagnostics() != null) {
                    rm.put("diagnostics", run.diagnostics().toMap());
                }
                runs.add(rm);
            }
            m.put("runs", runs);
            variants.add(m);
        }
        doc.put("variants", variants);
        doc.put("significance", tests("per triple, each system's metric averaged over seeds", "against",
                r.significance()));
        doc.put("emotionGain", tests("per triple, true emotions against a seeded permutation of the split's emotions, "
                + "each averaged over seeds; meanDifference is the gain", "variants", r.emotionGain()));
        doc.put("mcSamples", sweep(r.metrics(), r.mcSamples(), "samples"));
        doc.put("groupSweep", sweep(r.metrics(), r.groupSweep(), "groups"));
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try {
            AtomicFiles.writeString(out.resolve(FILE), mapper.writeValueAsString(doc) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the experiment results: " + e.getMessage(), e);
        }
    }

    /** Paired tests per row and protocol, with what was paired. */
    private static Map<String, Object> tests(String pairing, String key,
            Map<String, Map<Protocol, PairedComparison>> byRow) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metric", ExperimentResults.TEST_METRIC);
        out.put("pairing", pairing);
        Map<String, Object> rows = new LinkedHashMap<>();
        byRow.forEach((name, byProtocol) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            byProtocol.forEach((p, c) -> m.put(p.label(), comparison(c)));
            rows.put(name, m);
        });
        out.put(key, rows);
        return out;
    }

    private static Map<String, Object> byLabel(Map<Protocol, Integer> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((p, v) -> out.put(p.label(), v));
        return out;
    }

    private static Map<String, Object> summary(List<Metric> metrics, List<EvaluationResult> runs, boolean mean) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Protocol p : Protocol.values()) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (Metric metric : metrics) {
                m.put(metric.name(), mean ? MetricStats.mean(runs, p, metric.name())
                        : MetricStats.std(runs, p, metric.name()));
            }
            out.put(p.label(), m);
        }
        return out;
    }

    private static List<Object> sweep(List<Metric> metrics, List<SweepPoint> points, String key) {
        List<Object> out = new ArrayList<>();
        for (SweepPoint point : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(key, point.value());
            m.put("note", point.note());
            m.put("mean", summary(metrics, point.results(), true));
            m.put("std", summary(metrics, point.results(), false));
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> comparison(PairedComparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", c.n());
        m.put("meanReference", c.meanA());
        m.put("meanOther", c.meanB());
        m.put("meanDifference", c.meanDifference());
        m.put("tStatistic", finite(c.tStatistic()));
        m.put("tPValue", c.tPValue());
        m.put("wilcoxonStatistic", c.wilcoxonStatistic());
        m.put("wilcoxonPValue", c.wilcoxonPValue());
        return m;
    }

    /** JSON has no infinity; an infinite t (all differences equal) is written as a string. */
    private static Object finite(double v) {
        return Double.isFinite(v) ? v : Double.toString(v);
    }
}
