package org.hdbn.examples.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Engines;
import org.hdbn.autodiff.tape.TapeEngine;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.examples.bench.HeapWatcher;
import org.hdbn.graph.SpecMapper;
import org.hdbn.run.CheckpointState;
import org.hdbn.run.Checkpoints;
import org.hdbn.run.ModelEvaluator;
import org.hdbn.run.ModelSpec;
import org.hdbn.run.ModelTrainer;
import org.hdbn.run.TrainedModel;
import org.hdbn.run.data.Dataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hdbn train}: fits a model spec on a data set and saves the model folder. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model (HDBN by default) and save it; without --data, on a generated data set. "
                + "Checkpoints are written while it runs; --resume continues a run that was stopped.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Data set folder: the EmoMusicLJ layout or RecBole "
            + "atomic files (NAME.train.inter, NAME.valid.inter, ...) (default: a generated synthetic set, written "
            + "beside the model as MODEL.synthetic-data).")
    Path data;

    @Mixin
    AtomicDataFlags atomic = new AtomicDataFlags();

    @Option(names = "--model", paramLabel = "OUT", description = "Model folder to write (required unless --resume).")
    Path model;

    @Option(names = "--spec", paramLabel = "FILE|NAME", defaultValue = "hdbn",
            description = "Model spec: a built-in name or a JSON file (default: ${DEFAULT-VALUE}).")
    String specName;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs of the last training stage (default: the spec's).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: 1; on --resume, the run's).")
    Long seed;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "Autodiff engine (default: " + TapeEngine.NAME + "; on --resume, the run's).")
    String engine;

    @Option(names = "--eval-every", paramLabel = "N", defaultValue = "0",
            description = "Report validation HR@10/NDCG@10 (strict) every N epochs (default: only at the end).")
    int evalEvery;

    @Option(names = "--checkpoints", paramLabel = "DIR",
            description = "Checkpoint folder (default: MODEL.checkpoints); removed once the model is saved.")
    Path checkpointDir;

    @Option(names = "--checkpoint-every", paramLabel = "STEPS", defaultValue = "0",
            description = "Also checkpoint every STEPS optimizer steps (default: at the end of each epoch only).")
    int checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run whose checkpoints are in DIR.")
    Path resume;

    @Option(names = "--force", description = "Replace the model folder if it already exists.")
    boolean force;

    @Option(names = "--threads", paramLabel = "T", description = "Threads computing each step's gradient "
            + "(default: available processors); the trained model does not depend on it.")
    Integer threads;

    @Option(names = "--shards", paramLabel = "N", description = "Passes each step's batch is cut into (default: the "
            + "spec's training.shards, else 2); recorded in the saved spec. The trained model depends on it, not on "
            + "--threads: give as many shards as the threads a machine should use.")
    Integer shards;

    @Spec
    picocli.CommandLine.Model.CommandSpec command;

    @Override
    public Integer call() {
        try (HeapWatcher heap = new HeapWatcher()) {
            return run(heap);
        }
    }

    private Integer run(HeapWatcher heap) {
        PrintWriter out = command.commandLine().getOut();
        SpecMapper mapper = new SpecMapper();
        if (checkpointEvery < 0 || evalEvery < 0) {
            throw new IllegalArgumentException("--checkpoint-every and --eval-every must not be negative");
        }
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
        }
        AutodiffEngine engineImpl;
        PrintStream progress = new PrintStream(new WriterOutputStream(out), true);
        TrainedModel trained;
        Checkpoints checkpoints;
        Dataset dataset;
        if (resume != null) {
            if (shards != null) {
                throw new IllegalArgumentException("--shards cannot change on --resume: the run keeps its spec's shards");
            }
            checkpoints = new Checkpoints(resume, mapper);
            Path latest = checkpoints.latest().orElseThrow(() -> new IllegalArgumentException(
                    resume + ": no complete checkpoint to resume from"));
            CheckpointState state = checkpoints.state(latest);
            if (seed != null && seed != state.seed()) {
                throw new IllegalArgumentException("--seed " + seed + " differs from the run's seed " + state.seed());
            }
            model = model != null ? model : Path.of(state.modelDir());
            // a checkpoint older than the engine's record resumes on the engine given, or the default
            engineImpl = Engines.byName(engine != null ? engine : state.engine() != null ? state.engine() : TapeEngine.NAME);
            dataset = DataLayouts.load(data != null ? data : Path.of(state.dataDir()), atomic.options(), out);
            trained = new ModelTrainer().resume(dataset, options(state.seed(), engineImpl, progress, dataset, checkpoints));
        } else {
            if (model == null) {
                throw new IllegalArgumentException("--model is required (unless --resume)");
            }
            if (java.nio.file.Files.exists(model) && !force) {
                throw new IllegalArgumentException(model + ": already exists; --force replaces it (or choose another --model)");
            }
            long s = seed == null ? 1 : seed;
            engineImpl = Engines.byName(engine != null ? engine : TapeEngine.NAME);
            ModelSpec spec = SpecFiles.load(mapper, specName);
            if (epochs != null) {
                if (epochs < 1) {
                    throw new IllegalArgumentException("--epochs must be at least 1 (a model with no training is not "
                            + "saved), got " + epochs);
                }
                spec = spec.withTraining(spec.training().withFinalEpochs(epochs));
            }
            if (shards != null) {
                if (shards < 1) {
                    throw new IllegalArgumentException("--shards must be at least 1, got " + shards);
                }
                spec = spec.withTraining(spec.training().withShards(shards));
            }
            Path generated = model.toAbsolutePath().resolveSibling(model.getFileName() + ".synthetic-data");
            dataset = DataOptions.load(data, atomic.options(), generated, s, out);
            checkpoints = new Checkpoints(checkpointDir != null ? checkpointDir
                    : model.toAbsolutePath().resolveSibling(model.getFileName() + ".checkpoints"), mapper);
            out.printf("training '%s' on %s: %d users, %d items, %d contexts, %d training triples%n", spec.name(),
                    dataset.location().map(Path::toString).orElse(dataset.name()), dataset.users().size(),
                    dataset.items().size(), dataset.contexts().size(), dataset.train().size());
            out.printf("checkpoints go to %s (continue a stopped run with --resume %s)%n", checkpoints.root(),
                    checkpoints.root());
            trained = new ModelTrainer().train(spec, dataset, options(s, engineImpl, progress, dataset, checkpoints));
        }
        trained.save(model, mapper);
        checkpoints.deleteAll();
        out.printf(java.util.Locale.ROOT, "saved %s (%d epochs, %d steps, %.1f s, peak heap %.0f MB)%n", model,
                trained.info().epochs(), trained.info().steps(), trained.info().trainSeconds(), heap.peakBytes() / 1e6);
        if (dataset.validation().size() > 0) {
            EvaluationResult r = new ModelEvaluator(engineImpl, 0, trained.info().seed())
                    .evaluate(trained, dataset, dataset.validation());
            out.println("validation split (" + dataset.validation().size() + " triples), all songs ranked:");
            out.print(r.toTable());
        }
        return 0;
    }

    private ModelTrainer.Options options(long s, AutodiffEngine engineImpl, PrintStream progress, Dataset dataset,
            Checkpoints checkpoints) {
        return new ModelTrainer.Options(s, engineImpl, progress,
                dataset.validation().size() > 0 ? dataset.validation() : null, evalEvery, checkpoints, checkpointEvery, model,
                threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    }
}
