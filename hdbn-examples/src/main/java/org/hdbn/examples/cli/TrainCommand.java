package org.hdbn.examples.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hdbn.autodiff.Engines;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.examples.data.EmoMusicDataset;
import org.hdbn.examples.model.ModelEvaluator;
import org.hdbn.examples.model.ModelSpec;
import org.hdbn.examples.model.ModelTrainer;
import org.hdbn.examples.model.TrainedModel;
import org.hdbn.graph.SpecMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn train}: fits a model spec on a data set and saves the model folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model (HDBN by default) and save it; without --data, on a generated data set.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Data set folder in the EmoMusicLJ layout "
            + "(default: a generated synthetic set, written beside the model as MODEL.synthetic-data).")
    Path data;

    @Option(names = "--model", paramLabel = "OUT", required = true, description = "Model folder to write.")
    Path model;

    @Option(names = "--spec", paramLabel = "FILE|NAME", defaultValue = "hdbn",
            description = "Model spec: a JSON file or a built-in name (default: ${DEFAULT-VALUE}).")
    String specName;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs of the last training stage (default: the spec's).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--engine", paramLabel = "NAME", defaultValue = "tape", description = "Autodiff engine (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--eval-every", paramLabel = "N", defaultValue = "0",
            description = "Report validation HR@10/NDCG@10 (strict) every N epochs (default: only at the end).")
    int evalEvery;

    @Option(names = "--threads", paramLabel = "T", description = "Threads computing each step's gradient "
            + "(default: available processors); the trained model does not depend on it.")
    Integer threads;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        PrintWriter out = command.commandLine().getOut();
        SpecMapper mapper = new SpecMapper();
        ModelSpec spec = SpecFiles.load(mapper, specName);
        if (epochs != null) {
            if (epochs < 0) {
                throw new IllegalArgumentException("--epochs must not be negative, got " + epochs);
            }
            spec = spec.withTraining(spec.training().withFinalEpochs(epochs));
        }
        Path generated = model.toAbsolutePath().resolveSibling(model.getFileName() + ".synthetic-data");
        EmoMusicDataset dataset = DataOptions.load(data, generated, seed, out);
        out.printf("training '%s' on %s: %d users, %d songs, %d tags, %d training triples%n", spec.name(),
                dataset.directory(), dataset.numUsers(), dataset.numSongs(), dataset.numTags(), dataset.train().size());
        var engineImpl = Engines.byName(engine);
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + t);
        }
        ModelTrainer.Options options = new ModelTrainer.Options(seed, engineImpl, new java.io.PrintStream(
                new WriterOutputStream(out), true), dataset.validation().size() > 0 ? dataset.validation() : null, evalEvery,
                t);
        TrainedModel trained = new ModelTrainer().train(spec, dataset, options);
        trained.save(model, mapper);
        out.printf("saved %s (%d epochs, %d steps, %.1f s, peak heap %s)%n", model, trained.info().epochs(),
                trained.info().steps(), trained.info().trainSeconds(), Memory.peakHeap());
        if (dataset.validation().size() > 0) {
            EvaluationResult r = new ModelEvaluator(engineImpl, 0, seed).evaluate(trained, dataset, dataset.validation());
            out.println("validation split (" + dataset.validation().size() + " triples), all songs ranked:");
            out.print(r.toTable());
        }
        if (!Files.exists(model.resolve(TrainedModel.MODEL_FILE))) {
            throw new IllegalStateException("the model folder was not written: " + model);
        }
        return 0;
    }
}
