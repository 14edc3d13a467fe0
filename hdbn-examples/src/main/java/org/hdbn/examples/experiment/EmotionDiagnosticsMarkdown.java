package org.hdbn.examples.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.hdbn.diagnostics.LatentHealth;
import org.hdbn.eval.PairedComparison;
import org.hdbn.eval.Protocol;
import org.hdbn.examples.diagnostics.EmotionDiagnostics;

/**
 * The emotion diagnostics section of {@code results.md}: the emotion gain per protocol pooled over
 * seeds with its paired p-values, the sensitivity of lists and scores to the emotion, and the
 * latent health of trained models (means ± standard deviations over seeds).
 */
final class EmotionDiagnosticsMarkdown {

    private EmotionDiagnosticsMarkdown() {
    }

    static void append(StringBuilder sb, ExperimentResults r) {
        List<VariantResult> rows = r.variants().stream().filter(v -> !v.diagnostics().isEmpty()).toList();
        if (rows.isEmpty()) {
            return;
        }
        EmotionDiagnostics.Result first = rows.get(0).diagnostics().get(0);
        sb.append("## Emotion diagnostics\n\n");
        sb.append("**Emotion gain**: per-triple ").append(ExperimentResults.TEST_METRIC).append(" with the true "
                + "emotions minus with a seeded permutation of the split's emotions (each averaged over seeds), "
                + "two-sided paired t-test and Wilcoxon p. A row that ignores the emotion gains exactly 0 (p = 1).\n\n");
        sb.append("| variant");
        for (Protocol p : ExperimentResults.PROTOCOLS) {
            sb.append(" | ").append(p.label()).append(" gain | ").append(p.label()).append(" t-test p | ")
                    .append(p.label()).append(" Wilcoxon p");
        }
        sb.append(" |\n|---").append("|---:".repeat(3 * ExperimentResults.PROTOCOLS.size())).append("|\n");
        for (VariantResult v : rows) {
            Map<Protocol, PairedComparison> g = r.emotionGain().get(v.name());
            sb.append("| ").append(v.name());
            for (Protocol p : ExperimentResults.PROTOCOLS) {
                PairedComparison c = g == null ? null : g.get(p);
                sb.append(c == null ? " | – | – | –" : String.format(Locale.ROOT, " | %+.5f | %s | %s",
                        c.meanDifference(), p(c.tPValue()), p(c.wilcoxonPValue())));
            }
            sb.append(" |\n");
        }
        sb.append(String.format(Locale.ROOT, "%n**Sensitivity**: %d sampled triples, each also scored under %d other "
                + "emotions drawn at random (seeded). Overlap: the share of the true emotion's top %d that stays in the "
                + "other emotion's top %d, among all songs and among new songs (training songs removed); changed: "
                + "pairs whose ordered top %d among all songs differs; spread ratio: the mean over (triple, song) of "
                + "the standard deviation of the score across the emotions, over the mean over triples of the "
                + "standard deviation across songs.%n%n", first.sensitivity().triples(), first.sensitivity().others(),
                first.sensitivity().k(), first.sensitivity().k(), first.sensitivity().k()));
        sb.append("| variant | overlap (all songs) | overlap (new songs) | lists changed | spread ratio |\n");
        sb.append("|---|---:|---:|---:|---:|\n");
        for (VariantResult v : rows) {
            List<EmotionDiagnostics.Result> ds = v.diagnostics();
            sb.append("| ").append(v.name())
                    .append(" | ").append(cell(ds, d -> d.sensitivity().overlapAll(), "%.4f"))
                    .append(" | ").append(cell(ds, d -> d.sensitivity().overlapUnseen(), "%.4f"))
                    .append(" | ").append(cell(ds, d -> d.sensitivity().changedShare(), "%.4f"))
                    .append(" | ").append(cell(ds, d -> d.sensitivity().spreadRatio(), "%.3g"))
                    .append(" |\n");
        }
        latentHealth(sb, rows);
        sb.append('\n');
    }

    private static void latentHealth(StringBuilder sb, List<VariantResult> rows) {
        StringBuilder t = new StringBuilder();
        for (VariantResult v : rows) {
            List<EmotionDiagnostics.Result> ds = v.diagnostics();
            Map<String, Integer> latents = new LinkedHashMap<>();
            for (int i = 0; i < ds.get(0).latents().size(); i++) {
                latents.put(ds.get(0).latents().get(i).node(), i);
            }
            latents.forEach((node, i) -> t.append(String.format(Locale.ROOT, "| %s | %s (latent, %d dims) | %s | %s | – | – |%n",
                    v.name(), node, ds.get(0).latents().get(i).size(),
                    cell(ds, d -> d.latents().get(i).kl(), "%.4g"),
                    cell(ds, d -> d.latents().get(i).activeUnits(), "%.1f"))));
            for (int i = 0; i < ds.get(0).categoricals().size(); i++) {
                int c = i;
                LatentHealth.Categorical h = ds.get(0).categoricals().get(i).health();
                t.append(String.format(Locale.ROOT, "| %s | %s (categorical, max entropy %.3f) | – | – | %s | %s |%n",
                        v.name(), h.node(), h.maxEntropy(), cell(ds, d -> d.categoricals().get(c).health().meanEntropy(),
                                "%.4f"), cell(ds, d -> d.categoricals().get(c).shift(), "%.3g")));
            }
        }
        if (t.isEmpty()) {
            return;
        }
        sb.append("\n**Latent health** of trained models, at the posterior means over the evaluation queries: the mean "
                + "KL(q(z|x) || p(z)) summed over dimensions; active units (Burda et al. 2016: dimensions whose posterior "
                + "mean varies across queries with variance above 0.01); the mean entropy of each categorical "
                + "prediction (nats) and its shift across emotions (mean total variation distance between the "
                + "prediction under the true and under another emotion, on the sensitivity sample).\n\n");
        sb.append("| variant | node | KL | active units | entropy | shift across emotions |\n");
        sb.append("|---|---|---:|---:|---:|---:|\n");
        sb.append(t);
    }

    private static String cell(List<EmotionDiagnostics.Result> ds, ToDoubleFunction<EmotionDiagnostics.Result> f,
            String format) {
        double mean = ds.stream().mapToDouble(f).average().orElse(Double.NaN);
        if (ds.size() < 2) {
            return String.format(Locale.ROOT, format, mean);
        }
        double ss = ds.stream().mapToDouble(d -> (f.applyAsDouble(d) - mean) * (f.applyAsDouble(d) - mean)).sum();
        return String.format(Locale.ROOT, format + " ± " + format, mean, Math.sqrt(ss / (ds.size() - 1)));
    }

    private static String p(double v) {
        return v < 1e-4 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
