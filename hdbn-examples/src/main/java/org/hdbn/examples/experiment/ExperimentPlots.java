package org.hdbn.examples.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hdbn.eval.Protocol;
import org.hdbn.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The experiment's PNG plots, drawn with XChart: per trained variant its training curve (mean loss
 * per epoch, one line per seed), and per protocol a bar chart of the main metrics (one bar per
 * variant, error bars one standard deviation over seeds).
 */
public final class ExperimentPlots {

    public static final String DIR = "plots";
    static final List<String> BAR_METRICS = List.of("HR@10", "NDCG@10", "HR@20", "NDCG@20", "MRR@20");

    private ExperimentPlots() {
    }

    /**
     * Draws every plot under {@code out/plots}.
     *
     * @return the plots' paths relative to {@code out}, in the order written
     */
    public static List<String> write(ExperimentResults r, Path out) {
        List<String> written = new ArrayList<>();
        for (VariantResult v : r.variants()) {
            if (v.runs().stream().allMatch(run -> run.epochLosses().isEmpty())) {
                continue;
            }
            XYChart chart = new XYChartBuilder().width(800).height(500).title("Training loss: " + v.name())
                    .xAxisTitle("epoch").yAxisTitle("mean weighted loss").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            for (VariantResult.Run run : v.runs()) {
                List<Double> losses = run.epochLosses();
                if (losses.isEmpty()) {
                    continue;
                }
                double[] x = new double[losses.size()];
                double[] y = new double[losses.size()];
                for (int e = 0; e < x.length; e++) {
                    x[e] = e + 1;
                    y[e] = losses.get(e);
                }
                chart.addSeries("seed " + run.seed(), x, y);
            }
            written.add(save(chart, out, "training-" + Experiment.variantDir(out, v.name()).getFileName() + ".png"));
        }
        for (Protocol p : ExperimentResults.PROTOCOLS) {
            CategoryChart chart = new CategoryChartBuilder().width(1200).height(600)
                    .title("Validation metrics, " + p.label() + " protocol (mean ± std over seeds)")
                    .xAxisTitle("metric").yAxisTitle("value").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setOverlapped(false);
            for (VariantResult v : r.variants()) {
                List<Double> means = new ArrayList<>();
                List<Double> stds = new ArrayList<>();
                for (String m : BAR_METRICS) {
                    means.add(MetricStats.mean(v.results(), p, m));
                    stds.add(MetricStats.std(v.results(), p, m));
                }
                chart.addSeries(v.name(), BAR_METRICS, means, stds);
            }
            written.add(save(chart, out, "metrics-" + p.label() + ".png"));
        }
        return written;
    }

    private static String save(Chart<?, ?> chart, Path out, String name) {
        try {
            java.nio.file.Files.createDirectories(out.resolve(DIR));
            AtomicFiles.writeBytes(out.resolve(DIR).resolve(name),
                    BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw " + name + ": " + e.getMessage(), e);
        }
        return DIR + "/" + name;
    }
}
