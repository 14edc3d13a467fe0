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
 * An L2 penalty on the values the batch used (e.g. the embedding rows it looked up), as BPR models
 * regularise: {@code sum over inputs of 0.5 * ||x||^2 / rows}, so its scale does not grow with the
 * batch size.
 */
@JsonClassDescription("node: weight times the squared L2 norm of its inputs' rows used in the batch")
public record L2PenaltySpec(List<String> inputs, double weight) implements NodeSpec {

    public L2PenaltySpec {
        if (inputs == null || inputs.isEmpty()) {
            throw new SpecException("l2 needs at least one input");
        }
        inputs = List.copyOf(inputs);
    }

    @Override
    public Node build(BuildContext ctx) {
        inputs.forEach(ctx::outputDim);
        return Node.loss("l2", LossKind.REGULARIZATION, weight, f -> {
            Graph g = f.graph();
            Var total = null;
            for (String in : inputs) {
                Var x = f.value(in);
                Var term = g.scale(g.sumOfSquares(x), 0.5 / x.rows());
                total = total == null ? term : g.add(total, term);
            }
            return total;
        });
    }
}
