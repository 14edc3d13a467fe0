package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.autodiff.Graph;
import org.hdbn.autodiff.Var;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;

/**
 * The softmax of each row of a node's output at a temperature, {@code softmax(x / T)}, with T fixed
 * or learned (as {@code T = exp(log T)}). A mood network whose softmax saturates (one mood near 1
 * whatever the emotion) can emit logits instead and be softened here; a high T spreads the
 * distribution, a learned T lets training choose.
 *
 * @param input        the node giving the logits
 * @param temperature  T, or its initial value when learned; default 1
 * @param learned      learn T; default false
 */
@JsonClassDescription("node: the softmax of each row at a fixed or learned temperature")
public record SoftmaxSpec(String input, Double temperature, Boolean learned) implements NodeSpec {

    @Override
    public List<String> inputs() {
        return List.of(input);
    }

    @Override
    public Node build(BuildContext ctx) {
        double t = temperature == null ? 1.0 : temperature;
        if (!(t > 0) || !Double.isFinite(t)) {
            throw new SpecException("node '" + ctx.nodeName() + "': temperature must be positive, got " + t);
        }
        int width = ctx.outputDim(input);
        if (!Boolean.TRUE.equals(learned)) {
            return Node.of(width, f -> NodeOutput.of(f.graph().softmax(f.graph().scale(f.value(input), 1.0 / t))));
        }
        Parameter logT = ctx.store().getOrCreate(ctx.nodeName() + "/log_temperature", new int[] {1},
                Initializer.constant(Math.log(t)), ctx.initRng(ctx.nodeName()));
        return Node.of(width, f -> {
            Graph g = f.graph();
            Var inverse = g.exp(g.neg(g.param(logT)));
            return NodeOutput.of(g.softmax(g.mul(f.value(input), inverse)));
        });
    }
}
