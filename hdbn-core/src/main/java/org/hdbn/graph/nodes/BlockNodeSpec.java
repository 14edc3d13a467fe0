package org.hdbn.graph.nodes;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.util.List;
import org.hdbn.graph.BlockSpec;
import org.hdbn.graph.BuildContext;
import org.hdbn.graph.Node;
import org.hdbn.graph.NodeOutput;
import org.hdbn.graph.NodeSpec;
import org.hdbn.graph.SpecException;
import org.hdbn.nn.Block;

/**
 * A network applied to its inputs placed side by side. A network with loss terms of its own (a
 * Bayesian one's weight KL) adds them to the pass itself, through the mode it is given.
 *
 * @param inputs  the nodes (or feature inputs) read, concatenated
 * @param out     output size
 * @param block   the network, e.g. {@code {"type": "mlp", "hidden": [64, 64]}}
 */
@JsonClassDescription("node: a block (e.g. an MLP, or a Bayesian MLP) applied to its inputs side by side")
public record BlockNodeSpec(List<String> inputs, int out, BlockSpec block) implements NodeSpec {

    public BlockNodeSpec {
        if (inputs == null || inputs.isEmpty() || block == null) {
            throw new SpecException("a block node needs inputs and a block");
        }
        inputs = List.copyOf(inputs);
    }

    /** The same node with another network. */
    public BlockNodeSpec withBlock(BlockSpec b) {
        return new BlockNodeSpec(inputs, out, b);
    }

    @Override
    public Node build(BuildContext ctx) {
        Block b = block.build(ctx, ctx.nodeName(), ctx.outputDim(inputs), out);
        return Node.of(b.outputDim(), b.outputsDistribution(), f -> NodeOutput.of(b.forward(f.graph(), ConcatSpec.concat(f, inputs), f.mode())));
    }
}
