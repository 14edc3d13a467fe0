package org.hdbn.train;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.concurrent.ThreadTaskRunner;
import org.hdbn.graph.Batch;
import org.hdbn.graph.BatchShard;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.LossTerm;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.optim.GradientClipping;
import org.hdbn.optim.Optimizer;
import org.hdbn.param.GradientBuffers;
import org.hdbn.param.GradientSink;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;
import org.hdbn.random.RandomStreams;

/**
 * Runs optimizer steps of a {@link ModelGraph} over batches: forward through the requested loss
 * nodes, the total weighted by the objective (the variational module's {@code Elbo}, or
 * {@link LossWeighting#none()}), backward, global-norm clipping, one optimizer step. A non-finite loss
 * term or gradient stops training before the step is applied, so the parameters stay those of the
 * last good step.
 *
 * <p>With {@link DataParallel} shards the batch is cut into row ranges, each computed by its own
 * pass (on up to {@code threads} threads) into its own gradient buffers; the buffers are added in a
 * fixed tree order, so a seeded run gives the same parameters with any number of threads. An engine that
 * cannot {@linkplain AutodiffEngine#routesGradients() route gradients} runs one pass per step.
 */
public final class Trainer {

    private final ModelGraph model;
    private final ParameterStore store;
    private final AutodiffEngine engine;
    private final Optimizer optimizer;
    private final double clipNorm;
    private final LossWeighting objective;
    private final DataParallel parallel;
    private final List<GradientBuffers> buffers = new ArrayList<>();
    private final ThreadTaskRunner runner;

    /**
     * @param clipNorm  global gradient norm limit; {@code Double.POSITIVE_INFINITY} for none
     */
    public Trainer(ModelGraph model, ParameterStore store, AutodiffEngine engine, Optimizer optimizer,
            double clipNorm, LossWeighting objective) {
        this(model, store, engine, optimizer, clipNorm, objective, DataParallel.none());
    }

    public Trainer(ModelGraph model, ParameterStore store, AutodiffEngine engine, Optimizer optimizer,
            double clipNorm, LossWeighting objective, DataParallel parallel) {
        this.model = model;
        this.store = store;
        this.engine = engine;
        this.optimizer = optimizer;
        this.clipNorm = clipNorm;
        this.objective = objective;
        this.parallel = engine.routesGradients() ? parallel : DataParallel.none();
        this.runner = new ThreadTaskRunner(this.parallel.threads());
        // the engine's storage (float for a single-precision engine), before any step
        store.all().forEach(p -> p.useStorage(engine.parameterStorage()));
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The outcome of one pass: its terms (times their shares), the same weighted, and the weighted total. */
    private record Pass(Map<String, Double> terms, Map<String, Double> weighted, double total) {
    }

    /**
     * One step on one batch, through the given loss nodes (all nodes when empty).
     *
     * @throws NonFiniteException naming the step and the term or gradient, before any update
     */
    public StepReport step(Batch batch, List<String> lossNodes, UniformRandomProvider rng) {
        long step = optimizer.steps();
        List<Parameter> params = List.copyOf(store.all());
        Pass[] passes;
        // each parameter's gradient's sum of squares, for the global norm
        double[] squares = new double[params.size()];
        if (parallel.shards() == 1) {
            passes = new Pass[] {pass(batch, BatchShard.whole(batch), lossNodes, rng, GradientSink.direct(), step)};
            reduce(1, params, squares);
        } else {
            passes = runShards(batch, lossNodes, rng.nextLong(), step, params, squares);
        }
        Map<String, Double> terms = new LinkedHashMap<>();
        Map<String, Double> weighted = new LinkedHashMap<>();
        double total = 0;
        for (Pass p : passes) {
            p.terms().forEach((name, v) -> terms.merge(name, v, Double::sum));
            p.weighted().forEach((name, v) -> weighted.merge(name, v, Double::sum));
            total += p.total();
        }
        // every parameter's update is independent of the others': the workers share them
        double norm = Double.isInfinite(clipNorm) ? GradientClipping.norm(squares)
                : GradientClipping.clip(params, squares, clipNorm, runner);
        if (!Double.isFinite(norm)) {
            store.zeroGrads(runner);
            throw new NonFiniteException(step, "gradient norm is " + norm + " (loss terms " + terms + ")");
        }
        // params is every parameter of the store: the step clears them all
        optimizer.stepAndZero(params, runner);
        int rows = batch.indices().values().stream().mapToInt(a -> a.length).min().orElse(0);
        return new StepReport(step, rows, terms, weighted, total, norm);
    }

    /** Steps over every batch of an iterator, reporting each step. */
    public void run(Iterator<Batch> batches, List<String> lossNodes, UniformRandomProvider rng,
            Consumer<StepReport> listener) {
        while (batches.hasNext()) {
            listener.accept(step(batches.next(), lossNodes, rng));
        }
    }

    /**
     * The shards' passes over the slicer's arrangement of the batch: shard 0 adds its gradients to
     * the parameters, the others to their own buffers, which are then added in a fixed tree order.
     */
    private Pass[] runShards(Batch batch, List<String> lossNodes, long seed, long step, List<Parameter> params,
            double[] squares) {
        BatchSlicer slicer = parallel.slicer();
        Batch whole = slicer.arrange(batch);
        int[] cuts = slicer.cuts(whole, parallel.shards());
        int shards = cuts.length - 1;
        int rows = cuts[shards];
        Pass[] passes = new Pass[shards];
        while (buffers.size() < shards) {
            buffers.add(new GradientBuffers());
        }
        try {
            runner.run(shards, s -> {
                BatchShard shard = new BatchShard(s, shards, cuts[s], cuts[s + 1], whole, rows);
                GradientSink sink = s == 0 ? GradientSink.direct() : buffers.get(s);
                passes[s] = pass(slicer.slice(whole, cuts[s], cuts[s + 1]), shard, lossNodes,
                        RandomStreams.create(seed, "shard", s), sink, step);
            });
        } catch (RuntimeException e) {
            buffers.forEach(GradientBuffers::clear);
            store.zeroGrads();
            throw e;
        }
        reduce(shards, params, squares);
        return passes;
    }

    /**
     * Adds the shards' gradients in a fixed binary tree: at distance 1, shard 2j+1 into shard 2j;
     * at distance 2, shard 4j+2 into 4j; and so on until everything is in shard 0, whose sink is the
     * parameters themselves. The order of every sum depends on the shard count only; within a level
     * every (parameter, pair) is an independent task, so the levels use all the workers. The last
     * level (one pair: into shard 0) also sums each parameter's squares into {@code squares}, right
     * after writing its gradient: a layer's gradient is then read from the cache, not from memory.
     */
    private void reduce(int shards, List<Parameter> params, double[] squares) {
        if (shards == 1) {
            // a batch too small to cut: nothing to add
            runner.run(params.size(), i -> squares[i] = GradientClipping.sumOfSquares(params.get(i)));
            return;
        }
        for (int distance = 1; distance < shards; distance *= 2) {
            int step = 2 * distance;
            int d = distance;
            int pairs = (shards - distance + step - 1) / step;
            runner.run(params.size() * pairs, task -> {
                Parameter p = params.get(task / pairs);
                int into = (task % pairs) * step;
                GradientBuffers from = buffers.get(into + d);
                if (into == 0) {
                    from.addTo(p);
                } else {
                    from.addTo(buffers.get(into), p);
                }
                if (2 * d >= shards) {
                    squares[task] = GradientClipping.sumOfSquares(p);
                }
            });
        }
    }

    private Pass pass(Batch batch, BatchShard shard, List<String> lossNodes, UniformRandomProvider rng,
            GradientSink sink, long step) {
        Map<String, Double> terms = new LinkedHashMap<>();
        Map<String, Double> weighted = new LinkedHashMap<>();
        try (Graph g = engine.open(sink)) {
            ForwardResult r = model.forward(g, batch, ForwardMode.train(rng), lossNodes, shard);
            for (LossTerm t : r.losses()) {
                double v = t.value().value().item();
                if (!Double.isFinite(v)) {
                    throw new NonFiniteException(step, "loss term '" + t.name() + "' is " + v);
                }
                terms.merge(t.name(), v * t.share(), Double::sum);
                weighted.merge(t.name(), v * t.share() * t.weight() * objective.multiplier(t, step), Double::sum);
            }
            Var loss = r.totalLoss(g, t -> objective.multiplier(t, step));
            double total = loss.value().item();
            g.backward(loss);
            return new Pass(terms, weighted, total);
        }
    }
}
