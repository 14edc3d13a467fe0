package org.hdbn.examples.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.data.Interactions;
import org.hdbn.examples.experiment.Experiment;
import org.hdbn.examples.experiment.ExperimentPlots;
import org.hdbn.examples.experiment.ExperimentResults;
import org.hdbn.examples.experiment.ResultsJson;
import org.hdbn.examples.experiment.ResultsMarkdown;
import org.hdbn.examples.experiment.TrainedVariant;
import org.hdbn.examples.experiment.Variant;
import org.hdbn.examples.experiment.Variants;
import org.hdbn.examples.recommender.EaseCache;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn experiment}: trains and evaluates every variant and baseline, with significance tests and plots. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Train every variant (HDBN, its ablations, baselines) under several seeds, evaluate all under every "
                + "protocol, and write results.json, results.md, per-variant recommendations.csv, paired significance "
                + "tests against hdbn and PNG plots.")
final class ExperimentCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "Data set folder: the EmoMusicLJ layout "
            + "or RecBole atomic files.")
    Path data;

    @Option(names = "--eval", paramLabel = "CSV", description = "Evaluation triples (default: the data set's validation split).")
    Path eval;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--variants", paramLabel = "a,b,...", split = ",",
            description = "Rows: built-in specs, spec files, or the baselines ease, ease-plays, ease-emotion-plays, "
                    + "emotion-popularity, most-popular (default: all).")
    List<String> variants;

    @Option(names = "--models", paramLabel = "DIR,...", split = ",",
            description = "Already-trained model folders to compare as rows, loaded instead of retrained (named after "
                    + "the folder). With --models and no --variants, only these rows.")
    List<Path> models;

    @Option(names = "--reference", paramLabel = "NAME",
            description = "The row tested against every other and swept (default: hdbn when it is a row, else the "
                    + "first row).")
    String reference;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1", description = "Seeds per variant (default: ${DEFAULT-VALUE}).")
    int seeds;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Base seed; seed s is S + s (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs of every spec's last training stage (default: each spec's).")
    Integer epochs;

    @Option(names = "--mc-samples", paramLabel = "S,...", split = ",", defaultValue = "1,10,50",
            description = "Monte Carlo sample counts to evaluate the reference with; 'none' to skip (default: ${DEFAULT-VALUE}).")
    List<String> mcSamples;

    @Option(names = "--group-sweep", paramLabel = "K,...", split = ",", defaultValue = "none",
            description = "Numbers of user groups to retrain the reference with (1 = one global network), "
                    + "e.g. 1,5,10,25,50,100 (default: ${DEFAULT-VALUE}).")
    List<String> groupSweep;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "tape", description = "Autodiff engine (default: ${DEFAULT-VALUE}).")
    String engine;

    @picocli.CommandLine.Mixin
    DiagnosticsOptions diagnostics;

    @Mixin
    AtomicDataFlags atomic = new AtomicDataFlags();

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() throws Exception {
        PrintWriter writer = command.commandLine().getOut();
        PrintStream progress = new PrintStream(new WriterOutputStream(writer), true);
        if (epochs != null && epochs < 1) {
            throw new IllegalArgumentException("--epochs must be at least 1, got " + epochs);
        }
        SpecMapper mapper = new SpecMapper();
        AutodiffEngine engineImpl = Engines.byName(engine);
        List<Variant> rows = new ArrayList<>();
        // the EASE rows search the same lambdas: each is inverted once per run
        EaseCache ease = new EaseCache();
        List<String> named = variants != null ? variants : models != null ? List.of() : Variants.DEFAULT;
        for (String name : named) {
            rows.add(Variants.resolve(name.strip(), mapper, epochs, engineImpl, ease));
        }
        for (Path folder : models == null ? List.<Path>of() : models) {
            rows.add(new TrainedVariant(folder, mapper, engineImpl));
        }
        String ref = reference != null ? reference
                : rows.stream().anyMatch(v -> v.name().equals("hdbn")) ? "hdbn" : rows.get(0).name();
        Experiment.Config config = new Experiment.Config(rows, ref, seeds, seed, epochs,
                counts("--mc-samples", mcSamples), counts("--group-sweep", groupSweep), EvaluateCommand.EXPORT_HEADER,
                diagnostics.enabled() ? diagnostics.options(seed) : null);
        Dataset dataset = DataLayouts.load(data, atomic.options(), writer);
        Interactions triples = eval == null ? dataset.validation() : dataset.readInteractions(eval);
        if (triples.size() < 2) {
            throw new IllegalArgumentException((eval == null ? "the validation split" : eval.toString())
                    + " has " + triples.size() + " triples; paired tests need at least 2");
        }
        Files.createDirectories(out);
        progress.printf("experiment on %s: %d variants x %d seeds, %d evaluation triples%n", dataset, rows.size(), seeds,
                triples.size());
        ExperimentResults results = new Experiment(config).run(dataset, triples,
                eval == null ? dataset.name() + " validation split" : eval.toString(), out, progress);
        ResultsJson.write(results, out);
        List<String> plots = ExperimentPlots.write(results, out);
        ResultsMarkdown.write(results, out, plots);
        progress.printf("wrote %s, %s, %d plots and %d recommendation files to %s (%.0f s)%n", ResultsJson.FILE,
                ResultsMarkdown.FILE, plots.size(), rows.size(), out, results.seconds());
        progress.flush();
        return 0;
    }

    private static List<Integer> counts(String option, List<String> values) {
        List<Integer> out = new ArrayList<>();
        for (String v : values) {
            String s = v.strip();
            if (s.equalsIgnoreCase("none") || s.isEmpty()) {
                continue;
            }
            try {
                out.add(Integer.parseInt(s));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": expected integers or 'none', got '" + s + "'");
            }
        }
        return out;
    }
}
