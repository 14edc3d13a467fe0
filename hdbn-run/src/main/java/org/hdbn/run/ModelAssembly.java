package org.hdbn.run;

import java.util.Map;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.gate.Gate;
import org.hdbn.graph.ModelGraph;
import org.hdbn.optim.LearningRateSchedule;
import org.hdbn.optim.Optimizer;
import org.hdbn.param.ParameterStore;
import org.hdbn.run.data.Dataset;
import org.hdbn.train.DataParallel;
import org.hdbn.train.PairwiseBatches;
import org.hdbn.train.Trainer;

/**
 * The one place a {@link ModelSpec} and a {@link Dataset} become a trainable model: the spec's
 * resources fitted ({@link ResourceFitter}; or given, when resuming), the graph built with its
 * parameters, the spec's optimizer, the pairwise batches with the spec's negative sampler, and the
 * trainer over them. {@link ModelTrainer} runs it; {@code hdbn bench} times its pieces.
 */
public final class ModelAssembly {

    private final ModelSpec spec;
    private final Dataset data;
    private final long seed;
    private final DataBinding binding;
    private final Map<String, Gate> resources;
    private final ParameterStore store = new ParameterStore();
    private final ModelGraph graph;
    private final PairwiseBatches batches;
    private final int[] groups;

    private ModelAssembly(ModelSpec spec, Dataset data, long seed, Map<String, Gate> resources) {
        this.spec = spec;
        this.data = data;
        this.seed = seed;
        this.binding = new DataBinding(data);
        this.resources = TrainedModel.inSpecOrder(spec, resources);
        this.graph = binding.build(spec.graph(), store, seed, this.resources);
        // the first resource groups the batches and the rows of the shards (ModelSpec#resources)
        Gate first = this.resources.isEmpty() ? null : this.resources.values().iterator().next();
        this.groups = first == null ? null : groupsOf(first);
        TrainingSpec t = spec.training();
        this.batches = new PairwiseBatches(data.train(), t.sampling().sampler(data.train(), data.items().size()),
                t.batchSize(), t.negatives(), DataBinding.COLUMNS, t.groupBatches() ? groups : null);
    }

    /** Fits the spec's resources on the data, seeded from {@code seed}, and builds the rest. */
    public static ModelAssembly fit(ModelSpec spec, Dataset data, long seed) {
        return new ModelAssembly(spec, data, seed, ResourceFitter.fit(spec.resources(), data, seed));
    }

    /** Builds with the resources already fitted (a resumed run), in the spec's order. */
    public static ModelAssembly withResources(ModelSpec spec, Dataset data, long seed, Map<String, Gate> resources) {
        return new ModelAssembly(spec, data, seed, resources);
    }

    /** A trainer of this model's graph and parameters. */
    public Trainer trainer(Optimizer optimizer, AutodiffEngine engine, int threads) {
        return trainer(graph, store, optimizer, engine, threads);
    }

    /**
     * A trainer as {@link #trainer(Optimizer, AutodiffEngine, int)} makes it, for another copy of the graph
     * (e.g. one built by {@link #buildTrainingCopy} whose products are counted).
     */
    public Trainer trainer(ModelGraph g, ParameterStore params, Optimizer optimizer, AutodiffEngine engine,
            int threads) {
        TrainingSpec t = spec.training();
        double clip = t.clipNorm() == null || t.clipNorm() <= 0 ? Double.POSITIVE_INFINITY : t.clipNorm();
        return new Trainer(g, params, engine, optimizer, clip, t.objective(),
                new DataParallel(t.shardCount(), threads, groups == null ? batches.slicer() : batches.slicer(groups)));
    }

    /** The spec's optimizer (Adam unless {@code training.optimizer} names another), fresh (at step 0). */
    public Optimizer optimizer() {
        TrainingSpec t = spec.training();
        return t.optimizerSpec().build(LearningRateSchedule.staircaseExponential(t.learningRate(), t.decayRate(),
                t.decaySteps()));
    }

    /**
     * The graph training computes ({@link ModelSpec#trainingGraph}: without the score terms that
     * only rank) built again, same seed and resources, with its parameters in {@code params}.
     */
    public ModelGraph buildTrainingCopy(ParameterStore params) {
        return binding.build(spec.trainingGraph(), params, seed, resources);
    }

    public ModelSpec spec() {
        return spec;
    }

    public Dataset data() {
        return data;
    }

    /** The fitted resources by name. */
    public Map<String, Gate> resources() {
        return resources;
    }

    public ParameterStore store() {
        return store;
    }

    public ModelGraph graph() {
        return graph;
    }

    public PairwiseBatches batches() {
        return batches;
    }

    /** The trained model as it stands (no provenance), for evaluation during or after training. */
    public TrainedModel snapshot() {
        return new TrainedModel(spec, graph, store, resources, data, null);
    }

    private static int[] groupsOf(Gate gate) {
        int[] g = new int[gate.numEntities()];
        for (int u = 0; u < g.length; u++) {
            g[u] = gate.group(u);
        }
        return g;
    }
}
