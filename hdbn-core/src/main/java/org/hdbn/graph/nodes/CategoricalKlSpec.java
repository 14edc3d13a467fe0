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
 * Fits predicted categorical distributions to target ones: the batch mean of
 * {@code KL(target || prediction) = sum_k t_k (log t_k - log p_k)}. The prediction has one row per
 * example; the target may have more rows, of which the first as many are used (a candidate tower
 * holds the positives first), so a node can fit a user's predicted mood preference to the mood of
 * the song they chose.
 *
 * @param prediction  node giving probabilities {@code [B, k]}
 * @param target      node giving probabilities {@code [>= B, k]}
 * @param weight      the term's weight; default 1
 */
@JsonClassDescription("node: KL(target || prediction) between categorical distributions, averaged over rows")
public record CategoricalKlSpec(String prediction, String target, Double weight) implements NodeSpec {

    public CategoricalKlSpec {
        if (prediction == null || target == null) {
            throw new SpecException("categorical_kl: fields prediction and target are required");
        }
    }

    /** Keeps log(0) out of the loss where a target gives a category no mass or a prediction underflows. */
    static final double EPS = 1e-12;

    @Override
    public List<String> inputs() {
        return List.of(prediction, target);
    }

    @Override
    public Node build(BuildContext ctx) {
        if (ctx.outputDim(prediction) != ctx.outputDim(target)) {
            throw new SpecException("node '" + ctx.nodeName() + "': prediction has " + ctx.outputDim(prediction)
                    + " categories, target " + ctx.outputDim(target));
        }
        double w = weight == null ? 1.0 : weight;
        return Node.loss("kl", LossKind.LIKELIHOOD, w, f -> kl(f.graph(), f.value(target), f.value(prediction)));
    }

    /** The batch mean of KL(t || p) over the first {@code p.rows()} rows of t. */
    public static Var kl(Graph g, Var t, Var p) {
        int b = p.rows();
        if (t.rows() < b) {
            throw new IllegalArgumentException("target has " + t.rows() + " rows, prediction " + b);
        }
        Var target = t;
        if (t.rows() > b) {
            int[] first = new int[b];
            java.util.Arrays.setAll(first, i -> i);
            target = g.gather(t, first);
        }
        Var logRatio = g.sub(g.log(g.addScalar(target, EPS)), g.log(g.addScalar(p, EPS)));
        return g.scale(g.sum(g.mul(target, logRatio)), 1.0 / b);
    }
}
