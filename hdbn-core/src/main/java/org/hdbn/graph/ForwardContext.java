package org.hdbn.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.nn.ForwardMode;
import org.hdbn.prob.Distribution;
import org.hdbn.prob.KlRegistry;

/**
 * One pass of a {@link ModelGraph}: the recording scope, the batch, the mode, the outputs of the
 * nodes computed so far, and the loss terms they add. Blocks add theirs to the same list: the
 * {@linkplain #mode() mode} a node hands its blocks reports to this pass (see {@link LossSink}).
 */
public final class ForwardContext {

    private final Graph graph;
    private final Batch batch;
    private final ForwardMode mode;
    private final KlRegistry kl;
    private final BatchShard shard;
    private final Map<String, NodeOutput> outputs = new HashMap<>();
    private final List<LossTerm> losses = new ArrayList<>();
    private String nodeName = "";

    ForwardContext(Graph graph, Batch batch, ForwardMode mode, KlRegistry kl, BatchShard shard) {
        this.graph = graph;
        this.batch = batch;
        this.mode = mode.reportingTo(batchTermsFrom(0));
        this.kl = kl;
        this.shard = shard;
    }

    public Graph graph() {
        return graph;
    }

    public Batch batch() {
        return batch;
    }

    /** The pass's mode; its {@linkplain ForwardMode#losses() loss sink} adds blocks' terms to this pass. */
    public ForwardMode mode() {
        return mode;
    }

    public KlRegistry kl() {
        return kl;
    }

    /** Which part of the step's batch this pass computes (the whole batch unless a trainer split it). */
    public BatchShard shard() {
        return shard;
    }

    /** The node running now. */
    public String nodeName() {
        return nodeName;
    }

    /** The value of a node computed earlier in this pass, or of a feature input. */
    public Var value(String name) {
        NodeOutput out = outputs.get(name);
        if (out != null) {
            return out.value();
        }
        if (batch.features().containsKey(name)) {
            return graph.constant(batch.feature(name));
        }
        throw new SpecException("node '" + nodeName + "' reads '" + name + "', which has no value in this pass");
    }

    /** The index column of an input. */
    public int[] indices(String name) {
        return batch.index(name);
    }

    /** The distribution of a stochastic node computed earlier in this pass. */
    public Distribution distribution(String name) {
        NodeOutput out = outputs.get(name);
        if (out == null || out.distribution() == null) {
            throw new SpecException("node '" + nodeName + "' reads the distribution of '" + name
                    + "', which " + (out == null ? "has not run in this pass" : "produces none"));
        }
        return out.distribution();
    }

    /**
     * Adds a loss term named {@code node/term} that averages over the pass's rows (a likelihood, a
     * per-example KL, a penalty on the rows used); in a split batch it enters the step's loss with
     * the shard's {@linkplain BatchShard#rowShare() share}. Terms are collected only in training passes.
     */
    public void addLoss(String term, LossKind kind, double weight, Var value) {
        if (mode.training()) {
            losses.add(new LossTerm(nodeName + "/" + term, kind, weight, value, shard.rowShare()));
        }
    }

    /**
     * The sink for batch-level terms (terms that do not average over rows, such as the KL divergence
     * of a network's weights) of blocks the whole step's batch first uses at row {@code firstRow}:
     * each term enters once per step with its full weight, so in a split batch only the shard
     * that {@linkplain BatchShard#holds(int) holds} that row keeps it. The pass's own
     * {@linkplain #mode() mode} carries the sink for row 0; a node whose blocks see only some rows
     * (one expert per group) gives each block a mode with its own first row.
     */
    public LossSink batchTermsFrom(int firstRow) {
        return new BatchTerms(firstRow);
    }

    private final class BatchTerms implements LossSink {

        private final int firstRow;

        BatchTerms(int firstRow) {
            this.firstRow = firstRow;
        }

        @Override
        public boolean keepsBatchTerms() {
            return mode.training() && shard.holds(firstRow);
        }

        @Override
        public void addBatchLoss(String term, LossKind kind, double weight, Var value) {
            if (keepsBatchTerms()) {
                losses.add(new LossTerm(nodeName + "/" + term, kind, weight, value, 1.0));
            }
        }

        @Override
        public KlRegistry kl() {
            return kl;
        }
    }

    void enter(String node) {
        this.nodeName = node;
    }

    void put(String node, NodeOutput out) {
        outputs.put(node, out);
    }

    Map<String, NodeOutput> outputs() {
        return outputs;
    }

    List<LossTerm> losses() {
        return losses;
    }
}
