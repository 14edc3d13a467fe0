package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.ArrayList;
import java.util.List;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.data.ContextHistory;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Dim;
import org.hdbn.graph.ForwardContext;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.nn.Embedding;
import org.hdbn.nn.HistoryAffinity;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;

/**
 * A score term from the user's own training events with each candidate ({@link HistoryAffinity}):
 * one value per candidate row, {@code [rows, 1]}, zero for an item the user never met. A ranking
 * loss adds it to the towers' dot product ({@code "terms"} of a {@code bpr} node) and a model spec
 * lists it among its score terms, so training and evaluation score the same sum.
 *
 * @param user      the index input of the query's user
 * @param context   the index input of the query's context (the emotion)
 * @param item      the index input of the candidates
 * @param history   the {@link ContextHistory} resource holding the training events
 * @param contexts  rows of the context tables: a number or a data dimension such as {@code "tags"}
 * @param dim       size of the key and event-context vectors; default 16
 * @param key       a node giving each query's key {@code [B, k]}, projected to {@code dim} by a learned
 *                  matrix (e.g. the posterior emotion); absent: a learned vector per query context
 * @param initStd   standard deviation of the tables' initial values; default 0.01
 * @param userBias  rows of a learned per-user bias added to every known item's affinity (a number or a
 *                  data dimension such as {@code "users"}): how much each user returns to known items
 *                  at all; absent: none
 */
@JsonClassDescription("node: a score term from the user's own training events with each candidate, weighted by a learned kernel of the query and event contexts (zero for unknown items)")
public record HistoryAffinitySpec(String user, String context, String item, String history, Dim contexts,
        Integer dim, String key, Double initStd, Dim userBias) implements NodeSpec {

    @Override
    public List<String> inputs() {
        List<String> in = new ArrayList<>(List.of(user, context, item));
        if (key != null) {
            in.add(key);
        }
        return in;
    }

    @Override
    public Node build(BuildContext ctx) {
        for (String in : List.of(user, context, item)) {
            ctx.requireIndexInput(in);
        }
        String name = ctx.nodeName();
        int size = dim == null ? 16 : dim;
        double std = initStd == null ? 0.01 : initStd;
        int rows = contexts.resolve(ctx);
        HistoryAffinity affinity;
        try {
            affinity = new HistoryAffinity(ctx.store(), name, ctx.resource(history, ContextHistory.class), rows, size,
                    std, ctx.initRng(name));
        } catch (IllegalArgumentException e) {
            throw new org.hdbn.graph.SpecException("node '" + name + "': " + e.getMessage());
        }
        KeyRows keys;
        if (key == null) {
            Embedding table = new Embedding(ctx.store(), name + "/query_contexts", rows, size,
                    Initializer.normal(std), ctx.initRng(name + "/query_contexts"));
            keys = f -> table.forward(f.graph(), f.indices(context));
        } else {
            Parameter projection = ctx.store().getOrCreate(name + "/key_projection", new int[] {ctx.outputDim(key), size},
                    Initializer.glorotUniform(), ctx.initRng(name + "/key_projection"));
            keys = f -> f.graph().matmul(f.value(key), f.graph().param(projection));
        }
        Embedding bias = userBias == null ? null : new Embedding(ctx.store(), name + "/user_bias", userBias.resolve(ctx),
                1, Initializer.zeros(), ctx.initRng(name + "/user_bias"));
        return Node.of(1, f -> {
            Graph g = f.graph();
            Var perQuery = bias == null ? null : bias.forward(g, f.indices(user));
            return NodeOutput.of(affinity.forward(g, f.indices(user), f.indices(context), f.indices(item), keys.of(f),
                    f.mode().training(), perQuery));
        });
    }

    /** Each query's key {@code [B, dim]} in a pass. */
    @FunctionalInterface
    private interface KeyRows {
        Var of(ForwardContext f);
    }
}
