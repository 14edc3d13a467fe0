package org.hdbn.run;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.data.Interactions;
import org.hdbn.eval.EvaluationResult;
import org.hdbn.eval.Protocol;
import org.hdbn.gate.Gate;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ModelGraph;
import org.hdbn.graph.SpecException;
import org.hdbn.graph.SpecMapper;
import org.hdbn.optim.Optimizer;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;
import org.hdbn.run.data.Dataset;
import org.hdbn.text.NearestNames;
import org.hdbn.train.NonFiniteException;
import org.hdbn.train.PairwiseBatches;
import org.hdbn.train.StepReport;
import org.hdbn.train.Trainer;

/**
 * Trains a {@link ModelSpec} on a {@link Dataset}: assembles the model ({@link ModelAssembly}: the
 * resources fitted, the graph built, batches and trainer set up) and runs the spec's stages of BPR training with negatives
 * resampled every epoch. Mutable configuration in, immutable {@link TrainedModel} out.
 *
 * <p>Every random draw derives from the seed and the position in the run: the batches of an epoch
 * from {@code (seed, epoch)}, a step's samples from {@code (seed, step)}. A run resumed from a
 * checkpoint therefore takes exactly the steps the uninterrupted run would have taken, and ends
 * with the same parameters, bit for bit.
 */
public final class ModelTrainer {

    /**
     * @param seed             every random draw of the run derives from it
     * @param engine           the autodiff engine
     * @param progress         where progress lines go (null: silent)
     * @param validation       evaluated after every {@code evalEvery} epochs (null: never)
     * @param evalEvery        epochs between validation runs (0: never)
     * @param checkpoints      where checkpoints go (null: none)
     * @param checkpointEvery  optimizer steps between checkpoints (0: only at the end of each epoch)
     * @param modelDir         where the finished model will be saved (recorded for resuming)
     * @param threads          threads computing a step's gradient (the result does not depend on it)
     */
    public record Options(long seed, AutodiffEngine engine, PrintStream progress, Interactions validation, int evalEvery,
            Checkpoints checkpoints, int checkpointEvery, Path modelDir, int threads) {

        /** No checkpoints; one thread per available processor. */
        public Options(long seed, AutodiffEngine engine, PrintStream progress, Interactions validation, int evalEvery) {
            this(seed, engine, progress, validation, evalEvery, null, 0, null, Runtime.getRuntime().availableProcessors());
        }
    }

    /** A fresh run. */
    public TrainedModel train(ModelSpec spec, Dataset data, Options options) {
        ModelAssembly assembly = ModelAssembly.fit(spec, data, options.seed());
        assembly.resources().forEach((name, gate) -> log(options, "resource %s %s: %d groups, sizes %s", name,
                new SpecMapper().write(spec.resources().get(name)).replaceAll("\\s+", " "), gate.numGroups(),
                summarize(gate.groupSizes())));
        Run run = new Run(assembly, options, TrainingPosition.START, new ArrayList<>(), 0);
        log(options, "model '%s': %d parameter arrays, %d values", spec.name(), run.store.size(), run.store.valueCount());
        return run.execute();
    }

    /** Continues the run saved in the newest checkpoint of {@code options.checkpoints()}. */
    public TrainedModel resume(Dataset data, Options options) {
        Checkpoints ckpts = options.checkpoints();
        Path latest = ckpts.latest().orElseThrow(() -> new IllegalArgumentException(
                ckpts.root() + ": no complete checkpoint to resume from"));
        CheckpointState state = ckpts.state(latest);
        data.requireFingerprint(state.dataFingerprint());
        if (state.seed() != options.seed()) {
            throw new IllegalArgumentException("the checkpoint was trained with seed " + state.seed()
                    + ", not " + options.seed());
        }
        if (state.engine() != null && !state.engine().equals(options.engine().name())) {
            // another engine computes other bits (tape-f32 in float): the run would silently change course
            throw new IllegalArgumentException("the checkpoint was trained on engine '" + state.engine() + "', not '"
                    + options.engine().name() + "': resume it on '" + state.engine() + "'");
        }
        Run run = new Run(ModelAssembly.withResources(state.spec(), data, options.seed(), state.resources()), options,
                state.position(), new ArrayList<>(state.epochLosses()), state.seconds());
        ckpts.loadParameters(latest, run.store);
        run.optimizer.restoreSteps(state.position().steps());
        log(options, "resuming '%s' from %s on engine %s (stage %d, epoch %d, %d batches done, step %d)",
                state.spec().name(), latest, options.engine().name(), state.position().stage() + 1, state.position().epoch(), state.position().batchesDone(),
                state.position().steps());
        return run.execute();
    }

    /** One training run: the model, its optimizer and where it is. */
    private static final class Run {

        final ModelSpec spec;
        final Dataset data;
        final Map<String, Gate> resources;
        final Options options;
        final ParameterStore store;
        final ModelGraph graph;
        final Optimizer optimizer;
        final Trainer trainer;
        final PairwiseBatches batches;
        final List<Double> epochLosses;
        final double secondsBefore;
        TrainingPosition position;

        Run(ModelAssembly assembly, Options options, TrainingPosition position, List<Double> epochLosses,
                double secondsBefore) {
            this.spec = assembly.spec();
            this.data = assembly.data();
            this.resources = assembly.resources();
            this.options = options;
            this.position = position;
            this.epochLosses = epochLosses;
            this.secondsBefore = secondsBefore;
            store = assembly.store();
            graph = assembly.graph();
            batches = assembly.batches();
            optimizer = assembly.optimizer();
            trainer = assembly.trainer(optimizer, options.engine(), options.threads());
        }

        TrainedModel execute() {
            long t0 = System.nanoTime();
            List<StageSpec> stages = spec.training().stages();
            ProgressReporter progress = new ProgressReporter(options.progress(),
                    spec.training().totalEpochs() - position.epochsCompleted());
            for (int s = position.stage(); s < stages.size(); s++) {
                StageSpec stage = stages.get(s);
                freeze(store, stage);
                int firstEpoch = s == position.stage() ? position.epoch() : 1;
                for (int epoch = firstEpoch; epoch <= stage.epochs(); epoch++) {
                    int skip = s == position.stage() && epoch == position.epoch() ? position.batchesDone() : 0;
                    runEpoch(s, stage, epoch, skip, progress, t0);
                }
            }
            store.all().forEach(p -> p.setTrainable(true));
            double seconds = secondsBefore + (System.nanoTime() - t0) / 1e9;
            ModelInfo info = new ModelInfo(ModelInfo.FORMAT, ModelInfo.FORMAT_VERSION, Versions.hdbn(),
                    System.getProperty("java.version"), options.engine().name(), options.seed(),
                    data.name(), data.location().map(d -> d.toAbsolutePath().toString()).orElse(null),
                    data.fingerprint(), data.dims(), position.epochsCompleted(), optimizer.steps(), seconds,
                    List.copyOf(epochLosses));
            return new TrainedModel(spec, graph, store, resources, data, info);
        }

        private void runEpoch(int s, StageSpec stage, int epoch, int skip, ProgressReporter progress, long t0) {
            Iterator<Batch> it = batches.epoch(RandomStreams.create(options.seed(), "epoch", position.epochsCompleted() + 1));
            for (int b = 0; b < skip && it.hasNext(); b++) {
                it.next();  // regenerating a batch replays its random draws, so later batches match
            }
            progress.startEpoch();
            int perEpoch = batches.batchesPerEpoch();
            List<String> targets = spec.trainingTargets(stage);
            int done = skip;
            while (it.hasNext()) {
                Batch batch = it.next();
                StepReport r;
                try {
                    r = trainer.step(batch, targets, RandomStreams.create(options.seed(), "step", optimizer.steps()));
                } catch (NonFiniteException e) {
                    throw withCheckpoint(e, t0);
                }
                done++;
                position = new TrainingPosition(s, epoch, done, position.epochsCompleted(), optimizer.steps());
                progress.step(r, perEpoch, stage.name(), epoch);
                if (options.checkpointEvery() > 0 && optimizer.steps() % options.checkpointEvery() == 0 && it.hasNext()) {
                    checkpoint(t0);
                }
            }
            String extra = validate();
            epochLosses.add(progress.endEpoch(stage.name(), epoch, stage.epochs(), extra));
            position = new TrainingPosition(s, epoch + 1, 0, position.epochsCompleted() + 1, optimizer.steps());
            checkpoint(t0);
        }

        private String validate() {
            int completed = position.epochsCompleted() + 1;
            if (options.validation() == null || options.evalEvery() <= 0 || completed % options.evalEvery() != 0) {
                return null;
            }
            TrainedModel snapshot = new TrainedModel(spec, graph, store, resources, data, null);
            EvaluationResult r = new ModelEvaluator(options.engine(), 0, options.seed())
                    .evaluate(snapshot, data, options.validation());
            return String.format(Locale.ROOT, "validation strict HR@10 %.4f NDCG@10 %.4f, full NDCG@10 %.4f",
                    r.metrics(Protocol.STRICT).mean("HR@10"), r.metrics(Protocol.STRICT).mean("NDCG@10"),
                    r.metrics(Protocol.FULL).mean("NDCG@10"));
        }

        private void checkpoint(long t0) {
            if (options.checkpoints() == null) {
                return;
            }
            // a position past the last stage's last epoch means the run is over: the model itself is the record
            if (position.stage() == spec.training().stages().size() - 1
                    && position.epoch() > spec.training().stages().get(position.stage()).epochs()) {
                return;
            }
            CheckpointState state = new CheckpointState(CheckpointState.FORMAT, CheckpointState.FORMAT_VERSION, spec,
                    options.seed(), options.engine().name(), options.modelDir() == null ? null : options.modelDir().toAbsolutePath().toString(),
                    data.location().map(d -> d.toAbsolutePath().toString()).orElse(null), data.fingerprint(), position, List.copyOf(epochLosses),
                    secondsBefore + (System.nanoTime() - t0) / 1e9, resources);
            options.checkpoints().save(state, store);
        }

        /** Saves the last good state (the failed step was not applied) and says where it is. */
        private RuntimeException withCheckpoint(NonFiniteException e, long t0) {
            if (options.checkpoints() == null) {
                return e;
            }
            checkpoint(t0);
            return new NonFiniteException(e.step(), e.getMessage().replaceFirst("^step \\d+: ", "")
                    + "; the last good state is saved in " + options.checkpoints().root());
        }
    }

    /**
     * Holds the parameters whose names start with one of the stage's prefixes; a prefix that
     * matches no parameter is refused (a misspelt node would otherwise leave it training).
     */
    private static void freeze(ParameterStore store, StageSpec stage) {
        for (String prefix : stage.freeze()) {
            if (store.all().stream().noneMatch(p -> p.name().startsWith(prefix))) {
                Set<String> nodes = new TreeSet<>();
                for (Parameter p : store.all()) {
                    int slash = p.name().indexOf('/');
                    nodes.add(slash < 0 ? p.name() : p.name().substring(0, slash + 1));
                }
                throw new SpecException("stage '" + stage.name() + "': field freeze: '" + prefix
                        + "' is the start of no parameter name" + NearestNames.didYouMean(prefix, nodes)
                        + "; parameter names start with " + nodes);
            }
        }
        for (Parameter p : store.all()) {
            p.setTrainable(stage.freeze().stream().noneMatch(prefix -> p.name().startsWith(prefix)));
        }
    }

    private static String summarize(int[] sizes) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int s : sizes) {
            min = Math.min(min, s);
            max = Math.max(max, s);
        }
        return sizes.length <= 12 ? java.util.Arrays.toString(sizes) : "from " + min + " to " + max;
    }

    private static void log(Options o, String fmt, Object... args) {
        if (o.progress() != null) {
            o.progress().println(String.format(Locale.ROOT, fmt, args));
        }
    }
}
