package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.param.Initializer;
import org.hdbn.param.Parameter;

/**
 * A node's output times a factor, fixed or learned: how much one part of a score weighs against the
 * others. The released HDBN code stores its embeddings divided by 64 (a fixed factor); a learned
 * factor on the mood term lets training decide how much the mood preference counts.
 *
 * @param input    the node (or feature input) scaled
 * @param factor   the fixed factor, or the learned factor's initial value; default 1
 * @param learned  learn the factor (one scalar parameter); default false
 */
@JsonClassDescription("node: a node's output times a fixed or learned factor")
public record ScaleSpec(String input, Double factor, Boolean learned) implements NodeSpec {

    @Override
    public List<String> inputs() {
        return List.of(input);
    }

    @Override
    public Node build(BuildContext ctx) {
        double c = factor == null ? 1.0 : factor;
        if (!Double.isFinite(c)) {
            throw new SpecException("node '" + ctx.nodeName() + "': factor must be finite, got " + c);
        }
        int width = ctx.outputDim(input);
        if (!Boolean.TRUE.equals(learned)) {
            return Node.of(width, f -> NodeOutput.of(f.graph().scale(f.value(input), c)));
        }
        Parameter w = ctx.store().getOrCreate(ctx.nodeName() + "/factor", new int[] {1}, Initializer.constant(c),
                ctx.initRng(ctx.nodeName()));
        return Node.of(width, f -> NodeOutput.of(f.graph().mul(f.value(input), f.graph().param(w))));
    }
}
