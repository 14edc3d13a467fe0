package org.hdbn.train;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.rng.UniformRandomProvider;
import org.hdbn.autodiff.AutodiffEngine;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.Batch;
import org.hdbn.graph.ForwardResult;
import org.hdbn.graph.LossTerm;
import org.hdbn.graph.ModelGraph;
import org.hdbn.nn.ForwardMode;
import org.hdbn.optim.GradientClipping;
import org.hdbn.optim.Optimizer;
import org.hdbn.param.Parameter;
import org.hdbn.param.ParameterStore;

/**
 * Runs optimizer steps of a {@link ModelGraph} over batches: forward through the requested loss
 * nodes, the weighted total, backward, global-norm clipping, one optimizer step. A non-finite loss
 * term or gradient stops training before the step is applied, so the parameters stay those of the
 * last good step.
 */
public final class Trainer {

    private final ModelGraph model;
    private final ParameterStore store;
    private final AutodiffEngine engine;
    private final Optimizer optimizer;
    private final double clipNorm;
    private final LossWeighting weighting;

    /**
     * @param clipNorm  global gradient norm limit; {@code Double.POSITIVE_INFINITY} for none
     */
    public Trainer(ModelGraph model, ParameterStore store, AutodiffEngine engine, Optimizer optimizer,
            double clipNorm, LossWeighting weighting) {
        this.model = model;
        this.store = store;
        this.engine = engine;
        this.optimizer = optimizer;
        this.clipNorm = clipNorm;
        this.weighting = weighting;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * One step on one batch, through the given loss nodes (all nodes when empty).
     *
     * @throws NonFiniteException naming the step and the term or gradient, before any update
     */
    public StepReport step(Batch batch, List<String> lossNodes, UniformRandomProvider rng) {
        long step = optimizer.steps();
        Collection<Parameter> params = store.all();
        Map<String, Double> terms = new LinkedHashMap<>();
        double total;
        try (Graph g = engine.open()) {
            ForwardResult r = model.forward(g, batch, ForwardMode.train(rng), lossNodes);
            for (LossTerm t : r.losses()) {
                double v = t.value().value().item();
                if (!Double.isFinite(v)) {
                    throw new NonFiniteException(step, "loss term '" + t.name() + "' is " + v);
                }
                terms.merge(t.name(), v, Double::sum);
            }
            Var loss = r.totalLoss(g, t -> weighting.multiplier(t, step));
            total = loss.value().item();
            g.backward(loss);
        }
        double norm = Double.isInfinite(clipNorm) ? GradientClipping.globalNorm(params)
                : GradientClipping.clipGlobalNorm(params, clipNorm);
        if (!Double.isFinite(norm)) {
            store.zeroGrads();
            throw new NonFiniteException(step, "gradient norm is " + norm + " (loss terms " + terms + ")");
        }
        optimizer.step(params);
        store.zeroGrads();
        int rows = batch.indices().values().stream().mapToInt(a -> a.length).min().orElse(0);
        return new StepReport(step, rows, terms, total, norm);
    }

    /** Steps over every batch of an iterator, reporting each step. */
    public void run(Iterator<Batch> batches, List<String> lossNodes, UniformRandomProvider rng,
            Consumer<StepReport> listener) {
        while (batches.hasNext()) {
            listener.accept(step(batches.next(), lossNodes, rng));
        }
    }
}
