package org.hdbn.examples.experiment;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.PairedComparison;
import org.hdbn.eval.Protocol;
import org.hdbn.io.AtomicFiles;

/**
 * Writes {@code results.md}: one table per protocol (rows = variants, columns = every metric, mean
 * ± standard deviation over seeds), the paired tests against the reference, the Monte Carlo and
 * group sweeps, each variant's configuration notes, and links to the plots.
 */
public final class ResultsMarkdown {

    public static final String FILE = "results.md";
    /** The columns of the sweep tables. */
    static final List<String> SWEEP_METRICS = List.of("HR@10", "NDCG@10", "HR@20", "NDCG@20", "MRR@20");

    private ResultsMarkdown() {
    }

    public static void write(ExperimentResults r, Path out, List<String> plots) {
        AtomicFiles.writeString(out.resolve(FILE), render(r, plots));
    }

    /** The document's text. */
    public static String render(ExperimentResults r, List<String> plots) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Experiment on ").append(r.data()).append("\n\n");
        sb.append(String.format(Locale.ROOT, "Evaluation triples: %s (%d under the paper and full protocols, %d strict); "
                + "every triple ranks all songs. Seeds: %s. Epochs: %s. Wall-clock time: "
                + "%.0f s.%n%n", r.eval(), r.triples().get(Protocol.PAPER), r.triples().get(Protocol.STRICT), r.seeds(),
                r.epochs() == null ? "each spec's own" : r.epochs() + " (last training stage of every spec)",
                r.seconds()));
        sb.append("Cells are the mean ± sample standard deviation over seeds; a seed-independent baseline is fitted "
                + "once (± 0).\n\n");
        List<String> metricNames = r.metrics().stream().map(m -> m.name()).toList();
        for (Protocol p : ExperimentResults.PROTOCOLS) {
            sb.append("## ").append(p.label()).append(" protocol\n\n").append(explain(p)).append("\n\n");
            header(sb, "variant", metricNames);
            for (VariantResult v : r.variants()) {
                row(sb, v.name().equals(r.reference()) ? "**" + v.name() + "**" : v.name(), v.results(), p, metricNames);
            }
            sb.append('\n');
        }
        significance(sb, r);
        EmotionDiagnosticsMarkdown.append(sb, r);
        if (!r.mcSamples().isEmpty()) {
            sb.append("## Monte Carlo inference (").append(r.reference()).append(")\n\n");
            sb.append("The query and candidate towers averaged over S sampled passes (latent emotions and Bayesian "
                    + "weights drawn); the main tables use the posterior means.\n\n");
            sweepTable(sb, "S", r.mcSamples());
        }
        if (!r.groupSweep().isEmpty()) {
            sb.append("## Number of user groups (").append(r.reference()).append(")\n\n");
            sb.append("k-means groups on the users' genre histograms; k = 1 is one global network.\n\n");
            sweepTable(sb, "groups", r.groupSweep());
        }
        sb.append("## Variants\n\n");
        for (VariantResult v : r.variants()) {
            sb.append("- **").append(v.name()).append("**: ").append(v.description());
            if (v.note() != null) {
                sb.append(" — ").append(v.note());
            }
            double secs = v.runs().stream().mapToDouble(VariantResult.Run::seconds).average().orElse(0);
            sb.append(String.format(Locale.ROOT, " (fit: %.1f s per seed)%n", secs));
        }
        if (!plots.isEmpty()) {
            sb.append("\n## Plots\n\n");
            for (String plot : plots) {
                sb.append("- [").append(plot).append("](").append(plot).append(")\n");
            }
        }
        return sb.toString();
    }

    /** One sentence on what a protocol removes and keeps. */
    static String explain(Protocol p) {
        return switch (p) {
            case STRICT -> "The user's training songs are removed from the candidates and triples whose target the user "
                    + "already played in training are dropped: finding new songs.";
            case FULL -> "Nothing is removed and every triple is kept: known and new songs compete, as when a person "
                    + "picks what to play.";
            case PAPER -> "The released code's rule: the user's training songs are removed except the target itself, "
                    + "which leaks (a model scoring played songs high gets those hits for free).";
        };
    }

    private static void significance(StringBuilder sb, ExperimentResults r) {
        if (r.significance().isEmpty()) {
            return;
        }
        sb.append("## Paired significance: ").append(r.reference()).append(" against every other row\n\n");
        sb.append("Per-triple ").append(ExperimentResults.TEST_METRIC).append(" (each system's value averaged over "
                + "seeds), two-sided paired t-test and Wilcoxon signed-rank test; Δ = ").append(r.reference())
                .append(" − row.\n\n");
        sb.append("| variant");
        for (Protocol p : ExperimentResults.PROTOCOLS) {
            sb.append(" | ").append(p.label()).append(" Δ | ").append(p.label()).append(" t-test p | ").append(p.label())
                    .append(" Wilcoxon p");
        }
        sb.append(" |\n|---").append("|---:".repeat(3 * ExperimentResults.PROTOCOLS.size())).append("|\n");
        for (Map.Entry<String, Map<Protocol, PairedComparison>> e : r.significance().entrySet()) {
            sb.append("| ").append(e.getKey());
            for (Protocol p : ExperimentResults.PROTOCOLS) {
                PairedComparison c = e.getValue().get(p);
                if (c == null) {
                    sb.append(" | – | – | –");
                } else {
                    sb.append(String.format(Locale.ROOT, " | %+.4f | %s | %s", c.meanDifference(), p(c.tPValue()),
                            p(c.wilcoxonPValue())));
                }
            }
            sb.append(" |\n");
        }
        sb.append('\n');
    }

    private static void sweepTable(StringBuilder sb, String label, List<SweepPoint> points) {
        sb.append("| ").append(label);
        for (Protocol p : ExperimentResults.PROTOCOLS) {
            for (String m : SWEEP_METRICS) {
                sb.append(" | ").append(p.label()).append(' ').append(m);
            }
        }
        sb.append(" |\n|---");
        sb.append("|---:".repeat(ExperimentResults.PROTOCOLS.size() * SWEEP_METRICS.size())).append("|\n");
        for (SweepPoint point : points) {
            sb.append("| ").append(point.value()).append(point.note() == null ? "" : " (" + point.note() + ")");
            for (Protocol p : ExperimentResults.PROTOCOLS) {
                for (String m : SWEEP_METRICS) {
                    sb.append(" | ").append(cell(point.results(), p, m));
                }
            }
            sb.append(" |\n");
        }
        sb.append('\n');
    }

    private static void header(StringBuilder sb, String first, List<String> metrics) {
        sb.append("| ").append(first);
        metrics.forEach(m -> sb.append(" | ").append(m));
        sb.append(" |\n|---").append("|---:".repeat(metrics.size())).append("|\n");
    }

    private static void row(StringBuilder sb, String label, List<EvaluationResult> runs, Protocol p, List<String> metrics) {
        sb.append("| ").append(label);
        metrics.forEach(m -> sb.append(" | ").append(cell(runs, p, m)));
        sb.append(" |\n");
    }

    static String cell(List<EvaluationResult> runs, Protocol p, String metric) {
        return String.format(Locale.ROOT, "%.4f ± %.4f", MetricStats.mean(runs, p, metric), MetricStats.std(runs, p, metric));
    }

    private static String p(double v) {
        return v < 1e-4 ? String.format(Locale.ROOT, "%.1e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
