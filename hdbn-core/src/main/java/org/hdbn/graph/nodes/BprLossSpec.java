package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.LossKind;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;

/**
 * Bayesian personalised ranking (Rendle et al. 2009) with several negatives per positive, for a
 * score that is a dot product of a query vector and a candidate vector. The query tower runs once
 * per positive; the candidate rows hold the B positives first, then N negatives per query in query
 * order, so the loss is {@code -mean_{b,j} log sigmoid(q_b . c_b - q_b . c_{B + bN + j})}.
 *
 * @param query       node giving {@code [B, d]}
 * @param candidates  node giving {@code [B + B*N, d]}
 * @param weight      the term's weight; default 1
 */
@JsonClassDescription("node: the BPR loss of query . candidate scores, a positive against its negatives")
public record BprLossSpec(String query, String candidates, Double weight) implements NodeSpec {

    public BprLossSpec {
        if (query == null || candidates == null) {
            throw new SpecException("bpr: fields query and candidates are required");
        }
    }

    @Override
    public List<String> inputs() {
        return List.of(query, candidates);
    }

    @Override
    public Node build(BuildContext ctx) {
        if (ctx.outputDim(query) != ctx.outputDim(candidates)) {
            throw new SpecException("node '" + ctx.nodeName() + "': query '" + query + "' has " + ctx.outputDim(query)
                    + " columns, candidates '" + candidates + "' have " + ctx.outputDim(candidates));
        }
        double w = weight == null ? 1.0 : weight;
        return Node.loss("bpr", LossKind.LIKELIHOOD, w, f -> loss(f.graph(), f.value(query), f.value(candidates)));
    }

    /** The BPR loss for queries {@code [B, d]} and candidates {@code [B + B*N, d]} (see {@link Graph#bprLoss}). */
    public static Var loss(Graph g, Var q, Var cand) {
        return g.bprLoss(q, cand);
    }
}
