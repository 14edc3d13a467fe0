package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.ArrayList;
import java.util.List;
import org.hdbn.autodiff.BprLayout;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.LossKind;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;

/**
 * Bayesian personalised ranking (Rendle et al. 2009) with several negatives per positive, for a
 * score that is a dot product of a query vector and a candidate vector, plus optional score terms.
 * The query tower runs once per positive; the candidate rows hold the B positives first, then N
 * negatives per query in query order, so the loss is
 * {@code -mean_{b,j} log sigmoid(s_b - s_{B + bN + j})} with {@code s_r = q_{owner(r)} . c_r + sum_t t_r}.
 *
 * @param query       node giving {@code [B, d]}
 * @param candidates  node giving {@code [B + B*N, d]}
 * @param weight      the term's weight; default 1
 * @param terms       nodes giving one more score per candidate row, {@code [B + B*N, 1]}, that is not a
 *                    dot product (e.g. a {@code history_affinity}); absent: the dot product alone
 */
@JsonClassDescription("node: the BPR loss of query . candidate scores (plus optional score terms), a positive against its negatives")
public record BprLossSpec(String query, String candidates, Double weight, List<String> terms) implements NodeSpec {

    /** The loss of the dot product alone. */
    public BprLossSpec(String query, String candidates, Double weight) {
        this(query, candidates, weight, null);
    }

    public BprLossSpec {
        if (query == null || candidates == null) {
            throw new SpecException("bpr: fields query and candidates are required");
        }
        terms = terms == null ? List.of() : List.copyOf(terms);
    }

    @Override
    public List<String> inputs() {
        List<String> in = new ArrayList<>(List.of(query, candidates));
        in.addAll(terms);
        return in;
    }

    @Override
    public Node build(BuildContext ctx) {
        if (ctx.outputDim(query) != ctx.outputDim(candidates)) {
            throw new SpecException("node '" + ctx.nodeName() + "': query '" + query + "' has " + ctx.outputDim(query)
                    + " columns, candidates '" + candidates + "' have " + ctx.outputDim(candidates));
        }
        for (String t : terms) {
            if (ctx.outputDim(t) != 1) {
                throw new SpecException("node '" + ctx.nodeName() + "': score term '" + t + "' has "
                        + ctx.outputDim(t) + " columns; a score term gives one value per candidate row");
            }
        }
        double w = weight == null ? 1.0 : weight;
        return Node.loss("bpr", LossKind.LIKELIHOOD, w, f -> {
            List<Var> extra = new ArrayList<>();
            terms.forEach(t -> extra.add(f.value(t)));
            return loss(f.graph(), f.value(query), f.value(candidates), extra);
        });
    }

    /** The BPR loss for queries {@code [B, d]} and candidates {@code [B + B*N, d]} (see {@link Graph#bprLoss}). */
    public static Var loss(Graph g, Var q, Var cand) {
        return g.bprLoss(q, cand);
    }

    /**
     * The BPR loss of the dot products plus score terms {@code [B + B*N, 1]}; with no terms, the
     * engine's {@link Graph#bprLoss}.
     */
    public static Var loss(Graph g, Var q, Var cand, List<Var> terms) {
        if (terms.isEmpty()) {
            return g.bprLoss(q, cand);
        }
        int b = q.rows();
        int rows = cand.rows();
        int n = BprLayout.negatives(b, rows);
        int[] owner = BprLayout.queryOfRows(b, rows);
        int[] pos = new int[b * n];
        int[] neg = new int[b * n];
        for (int i = 0; i < b * n; i++) {
            pos[i] = i / n;
            neg[i] = b + i;
        }
        Var scores = g.rowDot(g.gather(q, owner), cand);
        for (Var t : terms) {
            scores = g.add(scores, g.reshape(t, rows));
        }
        return g.neg(g.mean(g.logSigmoid(g.sub(g.gather(scores, pos), g.gather(scores, neg)))));
    }
}
